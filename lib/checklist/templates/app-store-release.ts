import { check, defineTemplate } from "./define";

export const appStoreRelease = defineTemplate({
  id: "builtin-app-store-release",
  name: "Mobile app-store release",
  description: "An iOS and Android release through App Store Connect and Google Play: builds, store review, phased rollout and crash watch.",
  signoffGroups: [
    { name: "QA", rule: "ALL", requiredCount: null },
    { name: "Product", rule: "ANY", requiredCount: null },
    { name: "Legal and privacy", rule: "ANY", requiredCount: null },
  ],
  sections: [
    {
      title: "Build and test",
      items: [
        check("freeze", "Release branch cut and feature freeze announced", "Only fixes for release blockers after this.", { due: "T-10d" }),
        check("regression", "Regression on the device matrix", "Oldest supported OS and newest, small and large screens, both platforms.", { due: "T-7d", evidence: true, after: ["freeze"] }),
        check("beta", "TestFlight / internal track beta for 3 days", "No new crash clusters; feedback triaged.", { due: "T-5d", after: ["regression"] }),
        check("upgrade", "Upgrade from the previous two versions tested", "Data, sign-in and settings survive the upgrade.", { due: "T-6d", evidence: true }),
        check("offline", "Offline and poor-network behaviour checked", "Airplane mode, 3G throttling, server errors.", { due: "T-6d", optional: true }),
        check("api-compat", "Backend compatible with old and new app versions", "Old clients keep working after the backend ships.", { due: "T-7d" }),
      ],
    },
    {
      title: "Store submission",
      items: [
        check("metadata", "Store listing, screenshots and release notes ready", "All locales; screenshots match the new UI.", { due: "T-5d" }),
        check("privacy", "Privacy labels and data-safety form updated", "Reflect any new data collected or SDK added.", { due: "T-5d", evidence: true }),
        check("signing", "Signed release builds uploaded", "Correct bundle ids, version and build numbers; symbols uploaded for crash reports.", { due: "T-4d", after: ["beta"] }),
        check("review", "Submitted for store review", "Submit to App Store review and the Play production track (held).", { due: "T-4d", after: ["signing", "metadata", "privacy"] }),
        check("approved", "Approved by both stores", "Record the approval; answer any reviewer question the same day.", { due: "T-1d", evidence: true, after: ["review"] }),
      ],
    },
    {
      title: "Release",
      items: [
        check("flags", "Feature flags set for the release", "New features behind flags default to the agreed state.", { due: "T-1d" }),
        check("phased", "Start phased rollout at 1-10%", "App Store phased release / Play staged rollout.", { due: "T", after: ["approved", "flags"] }),
        check("support", "Support briefed with known issues", "Macros for the top questions.", { due: "T-1d", optional: true }),
      ],
    },
    {
      title: "Post-release monitoring",
      items: [
        check("crash", "Crash-free sessions above 99.5% after 24 h", "Compare with the previous version; halt the rollout if below.", { due: "T+1d", evidence: true, after: ["phased"] }),
        check("reviews", "Store reviews and ratings watched", "Reply to new 1-2 star reviews about the release.", { due: "T+2d", optional: true }),
        check("full", "Rollout increased to 100%", "Only after crash and KPI checks hold.", { due: "T+7d", after: ["crash"] }),
      ],
    },
  ],
});
