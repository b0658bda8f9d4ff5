package org.breachtriage.core.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic names. Surnames come from one list of common surnames found in Britain, roughly in
 * order of frequency, drawn with a Zipf-like law so the head is common and the list's tail uncommon;
 * a few per cent are double-barrelled or built from invented syllables, which makes them rare or
 * unique. That spread is what name-rarity scoring needs to be exercised.
 *
 * <p>There is deliberately one undivided list per kind of name: no name is chosen by, grouped by
 * or labelled with an origin or ethnicity, and nothing downstream can infer one from these tables.
 * Any resemblance of a generated full name to a real person is coincidence.
 */
final class Names {
    /** Share of people whose surname is built from invented syllables (plainly fictitious, mostly unique). */
    static final double INVENTED_SURNAME_SHARE = 0.035;
    /** Share of people with a double-barrelled surname of two common ones (uncommon as a pair). */
    static final double DOUBLE_BARRELLED_SHARE = 0.015;

    private static final String[] COMMON_SURNAMES = {
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
        "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
        "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
        "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
        "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
        "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
        "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
        "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
        "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
        "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey",
        "Graham", "Pearson", "Ahmed", "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart",
        "Elliott", "Reynolds", "Saunders", "Payne", "Fox", "Ford", "Pearce", "Day", "Brooks", "West",
        "Lawrence", "Cole", "Atkinson", "Bradley", "Spencer", "Gill", "Dawson", "Ball", "Burton", "O'Brien",
        "Watts", "Rose", "Booth", "Perry", "Ryan", "Grant", "Wells", "Armstrong", "Francis", "Rees",
        "Hayes", "Hart", "Hudson", "Newman", "Barrett", "Webster", "Hunter", "Gregory", "Carr", "Lowe",
        "Page", "Marsh", "Riley", "Dunn", "Woods", "Parsons", "Berry", "Stone", "Reid", "Holland",
        "Hawkins", "Harding", "Porter", "Robertson", "Newton", "Oliver", "Reed", "Kennedy", "Williamson", "Bird",
        "Gardner", "Shah", "Dean", "Lane", "Cooke", "Bates", "Henderson", "Parry", "Burgess", "Bishop",
        "Walton", "Burns", "Nicholson", "Shepherd", "Ross", "Cross", "Long", "Freeman", "Warren", "Nicholls",
        "Hamilton", "Byrne", "Sutton", "McDonald", "Yates", "Hodgson", "Robson", "Curtis", "Hopkins", "O'Connor",
        "Harper", "Coleman", "Watkins", "Moss", "McCarthy", "Chambers", "O'Neill", "Griffin", "Sharp", "Hardy",
        "Wheeler", "Potter", "Osborne", "Johnston", "Gordon", "Doyle", "Wallace", "George", "Jordan", "Hutchinson",
        "Rahman", "Lamb", "Ashton", "Barber", "Fraser", "Baxter", "Brennan", "Chamberlain", "Connolly", "Dale",
        "Davidson", "Dickinson", "Douglas", "Farmer", "Field", "Fowler", "Frost", "Gallagher", "Gilbert", "Goodwin",
        "Hammond", "Hancock", "Higgins", "Hobbs", "Holden", "Horton", "Howe", "Humphreys", "Jennings", "Kemp",
        "Kirby", "Lambert", "Little", "Lucas", "Lynch", "Mann", "Miles", "Nash", "Norman", "Norris",
        "Owens", "Pollard", "Pritchard", "Quinn", "Read", "Rhodes", "Rowe", "Sanders", "Schofield", "Short",
        "Slater", "Stephens", "Sullivan", "Summers", "Swift", "Tucker", "Vaughan", "Wade", "Walters", "Whitehead",
        "Hale", "Abbott", "Bond", "Briggs", "Bull", "Cartwright", "Dennis", "Eaton", "Fleming", "Gough",
        "Hewitt", "Ingram", "Jarvis", "Kay", "Leach", "Mellor", "Naylor", "Peacock", "Randall", "Sheppard",
    };

    private static final String[] FORENAMES = {
        "James", "Sarah", "David", "Emma", "Michael", "Claire", "Paul", "Laura", "Mark", "Rachel",
        "Andrew", "Nicola", "Richard", "Helen", "Daniel", "Lisa", "Thomas", "Louise", "Christopher", "Kelly",
        "Matthew", "Michelle", "Stephen", "Jennifer", "Robert", "Rebecca", "Simon", "Amy", "Jonathan", "Hannah",
        "Adam", "Charlotte", "Ian", "Sophie", "Gary", "Jessica", "Lee", "Lauren", "Craig", "Emily",
        "Darren", "Katie", "Neil", "Natalie", "Martin", "Victoria", "Kevin", "Joanne", "Anthony", "Karen",
        "Jason", "Julie", "Ben", "Susan", "Sam", "Elizabeth", "Luke", "Catherine", "Ryan", "Jane",
        "Jack", "Amanda", "Liam", "Gemma", "Joshua", "Samantha", "Oliver", "Kirsty", "Harry", "Zoe",
        "George", "Chloe", "Mohammed", "Megan", "Sean", "Lucy", "Connor", "Holly", "Aaron", "Grace",
        "Nathan", "Olivia", "Jamie", "Amelia", "Scott", "Priya", "Alex", "Aisha", "Charlie", "Fatima",
        "Philip", "Anna", "Nigel", "Maria", "Keith", "Siobhan", "Alan", "Niamh", "Colin", "Fiona",
        "Brian", "Leanne", "Edward", "Stacey", "William", "Jade", "Henry", "Hayley", "Joseph", "Danielle",
        "Samuel", "Kate", "Callum", "Alison", "Owen", "Deborah", "Rhys", "Angela", "Dylan", "Caroline",
        "Omar", "Ruth", "Ravi", "Anne", "Kwame", "Mary", "Tomasz", "Margaret", "Kieran", "Eleanor",
        "Dean", "Alice", "Graham", "Freya", "Wayne", "Imogen", "Peter", "Ruby", "John", "Ella",
        "Hamish", "Poppy", "Ewan", "Bethany", "Arjun", "Nadia", "Piotr", "Agnieszka", "Tobias", "Yvonne",
    };

    // Invented syllables: combined they read as surnames but are plainly made up.
    private static final String[] INVENTED_STARTS = {
        "Quor", "Zell", "Thrim", "Worb", "Yoll", "Drizz", "Frob", "Glimm", "Brisk", "Plum",
        "Snor", "Tibb", "Mizz", "Quaff", "Wimb", "Flink", "Grobb", "Hask", "Jorr", "Lumm",
        "Nibb", "Pell", "Roff", "Sprock", "Trell", "Vump", "Wrenn", "Zibb", "Crumm", "Doff",
        "Blenk", "Chuff", "Dorr", "Fizz", "Gubb", "Hobl", "Kemm", "Mottl", "Pibb", "Sklar",
    };
    private static final String[] INVENTED_LINKS = {"", "a", "e", "i", "o", "le", "er", "en", "y", "am"};
    private static final String[] INVENTED_ENDS = {
        "wick", "thorpe", "stow", "combe", "hurst", "by", "mere", "ridge", "well", "fold",
        "worth", "ham", "ley", "ton", "shaw", "brook", "gate", "field", "more", "dale",
        "bottle", "kin", "stead", "cott", "holme",
    };

    private static final Weighted<String> SURNAME_TABLE = zipf(COMMON_SURNAMES, 1.0, 10);
    private static final Weighted<String> FORENAME_TABLE = zipf(FORENAMES, 0.7, 5);

    private Names() {
    }

    static String forename(SplittableRandom rng) {
        return FORENAME_TABLE.pick(rng);
    }

    static String surname(SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < INVENTED_SURNAME_SHARE) {
            return invented(rng);
        }
        if (u < INVENTED_SURNAME_SHARE + DOUBLE_BARRELLED_SHARE) {
            String first = commonSurname(rng);
            String second = commonSurname(rng);
            while (second.equals(first) || first.contains("-") || second.contains("-")) {
                first = commonSurname(rng);
                second = commonSurname(rng);
            }
            return first + "-" + second;
        }
        return commonSurname(rng);
    }

    static List<String> commonSurnames() {
        return List.of(COMMON_SURNAMES);
    }

    static List<String> forenames() {
        return List.of(FORENAMES);
    }

    private static String commonSurname(SplittableRandom rng) {
        return SURNAME_TABLE.pick(rng);
    }

    private static String invented(SplittableRandom rng) {
        return INVENTED_STARTS[rng.nextInt(INVENTED_STARTS.length)]
                + INVENTED_LINKS[rng.nextInt(INVENTED_LINKS.length)]
                + INVENTED_ENDS[rng.nextInt(INVENTED_ENDS.length)];
    }

    /**
     * A Zipf–Mandelbrot law over a list in frequency order, p(k) ∝ 1/(k+offset)^exponent. The offset
     * flattens the head: with exponent 1 and offset 10 the commonest surname takes about 2.7%, close
     * to real life.
     */
    private static Weighted<String> zipf(String[] names, double exponent, double offset) {
        Weighted.Builder<String> table = Weighted.builder();
        for (int k = 0; k < names.length; k++) {
            table.add(1.0 / Math.pow(k + 1 + offset, exponent), names[k]);
        }
        return table.build();
    }
}
