package org.breachtriage.core.report;

/**
 * The contact point of Art. 33(3)(b) / DPA 2018 s.67(4)(b): the force's Data Protection Officer.
 * This is the controller's published contact, not data about anyone affected by the breach.
 * {@code placeholder} is true while the force has not configured it; every renderer then marks it
 * as still to be completed.
 */
public record DpoContact(String name, String role, String email, String phone, boolean placeholder) {

    public DpoContact {
        name = Text.required(name, "DPO name");
        role = Text.orDefault(role, "Data Protection Officer");
        email = Text.orDefault(email, Text.toComplete("DPO e-mail address"));
        phone = Text.orDefault(phone, Text.toComplete("DPO telephone number"));
    }

    /** A configured contact. */
    public static DpoContact of(String name, String role, String email, String phone) {
        return new DpoContact(name, role, email, phone, false);
    }

    /** "Data Protection Officer, &lt;force&gt;", with e-mail and phone still to complete. */
    public static DpoContact placeholder(String force) {
        return new DpoContact("Data Protection Officer, " + Text.required(force, "force"), "Data Protection Officer",
                null, null, true);
    }

    /** One line for a report; a placeholder says so. */
    public String describe() {
        String line = name + (name.contains(role) ? "" : " (" + role + ")") + ", " + email + ", " + phone;
        return placeholder ? line + " " + Text.toComplete("confirm the DPO's name and contact details") : line;
    }
}
