// Starts fauxqs (S3, SQS, SNS emulator) listening on 127.0.0.1 only.
// fauxqs's own dist/cli.js always listens on 0.0.0.0, which would offer an unauthenticated emulator to
// every network the machine is on; buildApp is the embedding API fauxqs documents.
// Environment: FAUXQS_PORT (required), FAUXQS_DEFAULT_REGION (optional), FAUXQS_LOGGER=true for request logs.
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.env.FAUXQS_PORT ?? "", 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`FAUXQS_PORT must be a port number, got '${process.env.FAUXQS_PORT ?? ""}'`);
  process.exit(2);
}
const app = buildApp({
  logger: process.env.FAUXQS_LOGGER === "true",
  defaultRegion: process.env.FAUXQS_DEFAULT_REGION || undefined,
});
try {
  const address = await app.listen({ port, host: "127.0.0.1" });
  console.log(`fauxqs listening at ${address}`);
} catch (err) {
  console.error(`fauxqs could not listen on 127.0.0.1:${port}: ${err.code ?? ""} ${err.message}`);
  process.exit(1);
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    app.close().finally(() => process.exit(0));
  });
}
