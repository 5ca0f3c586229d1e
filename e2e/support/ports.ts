export const E2E = {
  appPort: 3100,
  appUrl: "http://localhost:3100",
  smtpPort: 2525,
  mailHttpPort: 2526,
  mailApi: "http://127.0.0.1:2526",
  dataDir: ".data/e2e",
};
