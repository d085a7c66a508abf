// Generated from docs/api/openapi.json by `npm run openapi` (openapi-typescript). Do not edit: change the api,
// run `npm run openapi`, and commit both files; a test fails when this file differs from what the spec generates.
export interface paths {
    "/api/admin/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every directory account with its status, sign-in lockout and recent failures. Admins only */
        get: operations["AccountsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{username}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account: its sessions stop working at once, on every api process, and don't come back */
        post: operations["AccountsController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{username}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled account (it signs in again; earlier sessions stay ended) */
        post: operations["AccountsController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/accounts/{username}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a sign-in lockout before its time (recorded with who did it) */
        post: operations["AccountsController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The local outbox (mail catcher and webhook sink of the embedded default), newest first: per message its channel, recipient, subject and body (e-mail) or payload (webhook), delivery id and time. Admins only. */
        get: operations["OutboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per queue (deliveries, deadlines): waiting, active, delayed, completed and failed counts, and the last failed jobs with their reasons and attempts. Admins only. */
        get: operations["QueuesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/as-of/{aggregate}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident, port or notification as it stood at a moment (an instant, or a position of the log): the same view the console showed then, the incident’s activity log up to then, and the events around the moment */
        get: operations["AsOfController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/as-of/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident board and every port as they stood at an instant: the incidents open then (each as it stood) and each port’s status, lanes and checklist then */
        get: operations["AsOfController_board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/diff/{aggregate}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed in an incident, port or notification between two moments (instants or positions): each changed field with its value before and after, and the events between them */
        get: operations["AsOfController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the live world (incidents, ports, notifications, sessions, accounts, the sign-in journal, the audit journal), oldest first, a page at a time by position, filtered; each with its time in UTC and at the port it concerns. A page reads at most 20000 events after the store's own filtering, so a selective filter may answer a short page with a next cursor */
        get: operations["AuditHistoryController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/history/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history (same filters and roles) streamed whole, in position order, up to the position the store had reached when the export began. JSON lines: a first line {"kind":"export","filter",…,"exportedBy","exportedAt"}, then one item per line. CSV (UTF-8 with BOM, RFC 4180): the lines "# filter: <query>" and "# export: <id, who, when>", a header row, then one row per event; cells a spreadsheet would run as formulas (= + - @, tab, CR) start with an apostrophe. Each export is recorded (AuditExportRecorded) before it is written */
        get: operations["AuditHistoryController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/incidents/{id}/ics-214": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ICS 214 Activity Log of one side on an incident: incident name, operational period (its first and last event, or from/to), the side’s first person to act, the accounts of the side that acted, their actions (on the incident, its ports’ shutdowns and its notifications) in the chosen language, and who prepared it. Times in that side’s zone at the incident’s port, and UTC. HTML printable (labels in both languages) or CSV. Officers their own side; auditors and admins either. Recorded in the audit journal */
        get: operations["AuditHistoryController_ics214"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest signed checkpoint (tree size, root hash, time), with the witnesses’ cosignatures; ?format=note for the bare C2SP note (text/plain) */
        get: operations["AuditLogController_latest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed checkpoints in size order, a page at a time (after: the last size of the page before) */
        get: operations["AuditLogController_checkpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/checkpoints/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed checkpoint of one tree size */
        get: operations["AuditLogController_checkpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/checkpoints/{size}/cosignatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A witness (the other country’s deployment, an inspector) cosigns a checkpoint it found consistent with the last one it signed */
        post: operations["AuditLogController_cosign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The log's public key: its name (origin), the C2SP verifier key and the PEM, and the witnesses whose cosignatures it accepts */
        get: operations["AuditLogController_key"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 consistency proof between two signed checkpoints (tree sizes from ≤ to) */
        get: operations["AuditLogController_consistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 inclusion proof of the event at a position in a signed checkpoint (the newest, or ?size=), with its leaf */
        get: operations["AuditLogController_inclusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/log/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verifies the whole record now: every stream’s hash chain, and the Merkle log against every signed checkpoint (each signature with the log’s key). Names the first bad position and what is wrong. Reads the whole log: as long as `npm run verify` takes */
        get: operations["AuditLogController_verification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign-in activity, newest first: sign-ins, failures, lockouts, unlocks, refresh-token reuse, logouts and account changes, with who, from which address and user agent, and why. Auditors and admins */
        get: operations["AuthController_listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: an access token (15 min) and a refresh token. Throttled per account name and per client address (429 with Retry-After); a refusal says the same whether or not the account exists */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the caller's session: its access and refresh tokens stop working on every api process */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the token belongs to */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new access token and a new refresh token (the old one is spent). A spent refresh token presented again ends the whole session (AUTH.REFRESH_TOKEN_REUSED) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/blms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Border Liaison Mechanisms with their co-chairs and member agencies */
        get: operations["ReferenceController_blms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/blms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One Border Liaison Mechanism and the ports it covers */
        get: operations["ReferenceController_blm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checklist-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Business-resumption checklist templates, one per kind of shutdown, in English and Spanish */
        get: operations["ReferenceController_checklistTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The drills, newest planned first, a page at a time (planners, admins and auditors see every drill; others the drills they take part in) */
        get: operations["DrillsController_list"];
        put?: never;
        /** Plan a drill from a scenario: its players, evaluators and controllers (accounts), its start and compression */
        post: operations["DrillsController_plan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One drill: its plan, status, drill time now, participants, injects released, halts */
        get: operations["DrillsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/{id}/{transition}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the drill on: start (its clock, at the plan's start and compression), pause (nothing falls due until it resumes), resume (after a pause or a halt), end (it stays in the record): planners; join: its invited participants */
        post: operations["DrillsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/{id}/halt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Real-world emergency: stop the drill now; every pending inject freezes (anyone taking part) */
        post: operations["DrillsController_halt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/{id}/improvements/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit an item of an ended drill's improvement plan: owner, due date, status, text (planners) */
        post: operations["DrillsController_improve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/{id}/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an evaluator's observation, by core capability (Exercise Evaluation Guide) */
        post: operations["DrillsController_observe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/{id}/rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the compression during play, 1× to 120× (planners) */
        post: operations["DrillsController_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The drill's report. A scenario drill's after-action report and improvement plan (HSEEP AAR/IP): objectives against their targets, injects against player actions (with an SVG timeline), observations, strengths, areas for improvement; A notification drill's: per BLM, who acknowledged in time, late or never, how fast, by which channel, and whom silence escalated to. Standalone HTML, Markdown or JSON, in English or Spanish; interim before the end. */
        get: operations["DrillsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/notification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan a notification drill: when it starts, one EXERCISE notification to every member agency of each BLM (or of all), acknowledgments due within 30 min of drill time, escalated as in reality on drill recipients only */
        post: operations["DrillsController_planNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drills/notification-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year's notification drills per BLM (Border 2025 counts them): how many, each one's share acknowledged in time and median acknowledgment time, and the trend over the year */
        get: operations["DrillsController_notificationSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident board (live read model): severity, material, ports, last update, missing translations. Open incidents all at once; closed ones (status=closed or all) a page at a time, newest change first */
        get: operations["IncidentsController_list"];
        put?: never;
        /** Report a hazardous-materials (or other) incident */
        post: operations["IncidentsController_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident; the ETag header is its revision */
        get: operations["IncidentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update details (title, severity, material, quantity, location, ports, casualties). With startedFrom and no If-Match: decided per field on the latest state, refused (409) only for a field changed since */
        patch: operations["IncidentsController_update"];
        trace?: never;
    };
    "/api/incidents/{id}/cap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident as a CAP 1.2 alert: Alert at revision 0, then Update referencing every earlier version; a closed incident is an all-clear Update */
        get: operations["CapController_incident"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the incident with a summary (after the JRT is deactivated and protective actions lifted) */
        post: operations["IncidentsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/counterpart-center-notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** JCP: the officer's national centre notified the other country's centre */
        post: operations["IncidentsController_counterpartCenterNotified"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident stream as recorded: who did what, when, on which side (auditors) */
        get: operations["IncidentsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/joint-response-team/activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** JCP: activate the Joint Response Team */
        post: operations["IncidentsController_activateJrt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/joint-response-team/deactivation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** JCP: deactivate the Joint Response Team */
        post: operations["IncidentsController_deactivateJrt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/national-center-notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** JCP: the officer's national centre was notified (NRC for the U.S., CENACOM for Mexico) */
        post: operations["IncidentsController_nationalCenterNotified"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/on-scene-coordinators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** JCP: assign the on-scene coordinator of the officer's own side */
        post: operations["IncidentsController_assignOnSceneCoordinator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/protective-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Order an evacuation or shelter-in-place zone */
        post: operations["IncidentsController_orderProtectiveAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/protective-actions/{actionId}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a protective action */
        post: operations["IncidentsController_liftProtectiveAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/situation-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File a situation report (numbered 1, 2, …) */
        post: operations["IncidentsController_fileSituationReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ICS-214-style activity log: who did what, when, on which side (incident, linked shutdowns, BLM) */
        get: operations["IncidentsController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/translations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add the missing language of a text (title, location, situation report, closing summary) */
        post: operations["IncidentsController_translate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The archive of closed incidents, searched in the database a page at a time, the most recently observed first: by port (any port it affected), material (UN number or name), observation date range and free text (title, location, situation reports, closing summary; every word, either language, accents ignored) */
        get: operations["IncidentsController_archive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/materials/{unNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ERG data of a hazardous material by UN number */
        get: operations["ReferenceController_material"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notification tracker (live read model): every notification awaiting acknowledgment first (by deadline, overdue flagged), then the answered and cancelled ones a page at a time, newest deadline first */
        get: operations["NotificationsController_list"];
        put?: never;
        /** Issue a notification to a Border Liaison Mechanism (its member agencies on both sides) */
        post: operations["NotificationsController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification: who acknowledged, who is pending, whether it is overdue */
        get: operations["NotificationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update the text, severity or deadline */
        patch: operations["NotificationsController_update"];
        trace?: never;
    };
    "/api/notifications/{id}/acknowledgments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge for the officer's agency */
        post: operations["NotificationsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/acknowledgments-on-behalf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that an agency without an account (a consulate, Civil Protection) acknowledged by phone, radio or in person, at the time it did; kept apart from an agency's own acknowledgment */
        post: operations["NotificationsController_acknowledgeOnBehalf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the notification, with a reason */
        post: operations["NotificationsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/cap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The BLM notification as a CAP 1.2 alert: Alert when issued, Update after an update, Cancel when cancelled (acknowledgments make no new version); area and categories from the subject incident when there is one */
        get: operations["CapController_notification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The port status board (live read model): lanes by mode and direction, time closed, linked incident, checklist progress, sign-offs */
        get: operations["PortsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One port: lanes by mode and direction, the shutdown in progress, checklist and sign-offs */
        get: operations["PortsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The resumption checklist of the shutdown in progress, with what still blocks reopening */
        get: operations["PortsController_checklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/checklist/{itemId}/completion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a checklist item of your side (or a joint one) */
        post: operations["PortsController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/checklist/{itemId}/reopening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo the completion or waiver of an item of your side (or a joint one), with a reason; withdraws the sign-offs it touches */
        post: operations["PortsController_reopenItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/checklist/{itemId}/waiver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Waive a checklist item of your side (or a joint one), with a reason */
        post: operations["PortsController_waive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/checklist/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an item to the running checklist, of the officer's side or joint (withdraws the sign-offs it touches) */
        post: operations["PortsController_addItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/joinings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join the other side's shutdown in progress with the officer's own lanes: one checklist, one reopening for both */
        post: operations["PortsController_join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/reopenings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen lanes of the officer's own side (a phase, which narrows the shutdown); every phase needs both sign-offs in force and every critical item done or waived */
        post: operations["PortsController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/shutdowns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A port's shutdowns, the one in progress and the past ones, a page at a time, the most recent first: when declared, kind and scope, when reopened, and the incident each was declared for */
        get: operations["PortsController_shutdowns"];
        put?: never;
        /** Declare a shutdown of lanes of the officer's own side; starts the resumption checklist for its kind (the other side joins it) */
        post: operations["PortsController_declareShutdown"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/sign-offs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign off the resumption for the officer's own side (once that side's critical items are resolved) */
        post: operations["PortsController_signOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/{id}/widenings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Widen the shutdown in progress: close more lanes of the officer's own side (withdraws the sign-offs in force) */
        post: operations["PortsController_widen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ports/checklists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checklist progress of every shutdown in progress (live read model) */
        get: operations["PortsController_checklists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scenarios of config/scenarios, checked against the reference data at start */
        get: operations["ScenariosController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenarios/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One scenario: its objectives, players and every inject of its MSEL */
        get: operations["ScenariosController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenarios/{id}/msel.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scenario as CSV (one MSEL row per inject; formula-like cells neutralised) */
        get: operations["ScenariosController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenarios/{id}/msel.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scenario as an XLSX workbook (Scenario, Players, Objectives, MSEL sheets) */
        get: operations["ScenariosController_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scenarios/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read a planner's MSEL spreadsheet (CSV or XLSX, as exported here) and check it like the scenario files: the scenario, ready to plan a drill from (POST /api/drills with `scenario`), or every problem naming row and column */
        post: operations["ScenariosController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sister-city-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sister-city binational contingency plan */
        get: operations["ReferenceController_sisterCityPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same as /health/ready
         * @description Kept for existing probes (decision 0026).
         */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process runs
         * @description No token needed; never asks a dependency.
         */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: whether to send this api traffic
         * @description No token needed. 503 while the event store does not answer or the read models are still catching up after a start, naming the failing check; the error text of a dependency that is down only to a caller with an admin's bearer token. Redis being down is `degraded`, still 200.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This process's metrics, in Prometheus' text format
         * @description For Prometheus: the bearer token of the site (METRICS_TOKEN), not a user's access token. Each api and worker process serves its own; counters count since the process started. README, "Operating a site".
         */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Account: {
            agency: string;
            /** @enum {string} */
            country: "US" | "MX";
            displayName: string;
            lockedAddressCount: number;
            /** @description Addresses locked out of the account now (those whose lockouts end last, at most 20) */
            lockedAddresses: {
                address: string;
                /** Format: date-time */
                until: string;
            }[];
            /**
             * Format: date-time
             * @description Until when the account is refused from addresses it has not signed in from lately
             */
            lockedUntil: string | null;
            /** @description Failed sign-ins of the name within the hour, from every address */
            recentFailures: number;
            /** @enum {string} */
            role: "officer" | "planner" | "auditor" | "admin";
            /**
             * Format: date-time
             * @description Until when no new session starts (too many sign-ins lately)
             */
            signInsPausedUntil: string | null;
            /** @enum {string} */
            status: "enabled" | "disabled";
            username: string;
        };
        AcknowledgeDto: {
            /**
             * @description The language the notice was read in
             * @enum {string}
             */
            readIn?: "en" | "es";
        };
        AcknowledgeOnBehalfDto: {
            /**
             * Format: date-time
             * @description ISO 8601: when the agency acknowledged (not in the future, not before the issue); recorded now
             */
            acknowledgedAt: string;
            /**
             * @description The recipient agency that acknowledged outside Enlace
             * @example SRE
             */
            agency: string;
            /**
             * @description How the acknowledgment was heard
             * @enum {string}
             */
            channel: "phone" | "radio" | "in-person";
            /**
             * @description The recipient agency's side (the recording officer's own)
             * @enum {string}
             */
            side: "US" | "MX";
        };
        /** @description One line of the ICS-214-style activity log: who did what, when, on which side */
        ActivityEntry: {
            actor: string;
            agency: string;
            /**
             * Format: date-time
             * @description When it was recorded
             */
            at: string;
            /**
             * Format: date-time
             * @description When it was done, where the officer recorded it after the fact
             */
            occurredAt?: string;
            /** @description Where it is in the global log (opaque, ordered) */
            position: string;
            /** @enum {string|null} */
            side: "US" | "MX" | null;
            streamId: string;
            summary: components["schemas"]["FullText"];
            /** @description The event type */
            type: string;
        };
        ActorView: {
            /** @example CBP */
            agency: string;
            /**
             * @description The side; null only for the system role
             * @enum {string|null}
             */
            country: "US" | "MX" | null;
            /** @example officer.us */
            id: string;
            /** @enum {string} */
            role: "officer" | "planner" | "auditor" | "admin" | "simulator" | "system";
        };
        Addressee: {
            agency: string;
            name?: components["schemas"]["Text"];
            /** @enum {string} */
            side: "US" | "MX";
        };
        /** @description Every error answer (docs/decisions/0027): the status again, a stable code, the message in English and Spanish, and details that depend on the code */
        ApiError: {
            /**
             * @description Stable and machine-readable. Codes any route may answer: VALIDATION_FAILED, MALFORMED_JSON, BAD_REQUEST, UNAUTHENTICATED, AUTH.TOKEN_INVALID, AUTH.TOKEN_EXPIRED, AUTH.SESSION_ENDED, AUTH.ROLE, FORBIDDEN, NOT_FOUND, REVISION_CONFLICT, IDEMPOTENCY_CONFLICT, IDEMPOTENCY_KEY_REUSED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_ENCODING, TOO_MANY_REQUESTS, STORE_UNAVAILABLE, INTERNAL_ERROR; a business rule answers its own, named after its aggregate (INCIDENT.CLOSED, PORT.REOPENING_BLOCKED, DRILL.ENDED, …)
             * @example REVISION_CONFLICT
             */
            code: string;
            /** @description Depends on the code: e.g. currentRevision for REVISION_CONFLICT, retryAfterSeconds for 429 and 503 */
            details: {
                [key: string]: unknown;
            };
            message: components["schemas"]["Bilingual"];
            statusCode: number;
        };
        /** @description A line of the archive of incidents */
        ArchivedIncident: {
            /** @description Every port it affected, the primary one first */
            affectedPortIds: string[];
            /** Format: date-time */
            closedAt: string | null;
            closingSummary: {
                en?: string;
                es?: string;
            } | null;
            /** Format: uuid */
            incidentId: string;
            /** @enum {string} */
            kind: "hazmat-release" | "fire" | "flood" | "other";
            location: {
                description: components["schemas"]["Text"];
                lat: number;
                lon: number;
            };
            material: {
                ergGuide?: string;
                hazardClass?: string;
                name: string;
                toxicByInhalation?: boolean;
                unNumber?: string;
            } | null;
            /** Format: date-time */
            observedAt: string;
            /** @description The port the incident was at */
            primaryPortId: string | null;
            /** Format: date-time */
            reportedAt: string;
            reportedBy: components["schemas"]["SideAgency"];
            revision: number;
            /** @enum {string} */
            severity: "minor" | "moderate" | "severe" | "extreme";
            /** @description How many situation reports were filed */
            situationReports: number;
            /** @enum {string} */
            status: "open" | "closed";
            title: components["schemas"]["Text"];
        };
        AsOf: {
            /** @enum {string} */
            aggregate: "incident" | "port" | "notification";
            /** @description The events around the moment: the last few before it and the first few after it */
            around: {
                after: components["schemas"]["EventLine"][];
                before: components["schemas"]["EventLine"][];
            };
            id: string;
            lastEvent?: components["schemas"]["EventLine"];
            /** @description The moment read: an instant, or a position in the global log */
            moment: {
                /** Format: date-time */
                at: string;
            } | {
                /** @description Where it is in the global log (opaque, ordered) */
                position: string;
            };
            /** @description The read model's view then, by aggregate (absent when it did not exist yet) */
            state?: components["schemas"]["IncidentDetail"] | components["schemas"]["Port"] | components["schemas"]["Notification"];
            /** @description An incident's activity log up to then */
            timeline?: components["schemas"]["ActivityEntry"][];
        };
        AssignOnSceneCoordinatorDto: {
            /** @example EPA */
            agency: string;
            /** @example R. Salinas */
            name: string;
            /** @example +1 619 555 0100 */
            phone?: string;
            /** @enum {string} */
            side: "US" | "MX";
        };
        AuthActivityPage: {
            entries: {
                actor: string;
                actorRole: string;
                address: string | null;
                reason: string | null;
                /** Format: date-time */
                recordedAt: string;
                /** @description The entry's place in the log: pass it as `before` to read older entries */
                revision: number;
                sessionId: string | null;
                /** @enum {string} */
                type: "LoginSucceeded" | "LoginFailed" | "LoginLockedOut" | "LoginUnlocked" | "RefreshTokenReused" | "LoggedOut" | "AccountDisabled" | "AccountEnabled";
                /** Format: date-time */
                until: string | null;
                userAgent: string | null;
                username: string | null;
            }[];
            /** @description Pass as `before` for the next (older) page; null when this is the oldest */
            next: number | null;
        };
        Bilingual: {
            en: string;
            es: string;
        };
        Blm: {
            id: string;
            members: {
                agency: string;
                name: components["schemas"]["Text"];
                /** @enum {string} */
                side: "US" | "MX";
            }[];
            mxChair: string;
            name: components["schemas"]["FullText"];
            sisterCities: string;
            usChair: string;
        };
        BlmWithPorts: {
            id: string;
            members: {
                agency: string;
                name: components["schemas"]["Text"];
                /** @enum {string} */
                side: "US" | "MX";
            }[];
            mxChair: string;
            name: components["schemas"]["FullText"];
            /** @description The ports it covers */
            portIds: string[];
            sisterCities: string;
            usChair: string;
        };
        BlmYear: {
            blmId: string;
            blmName: components["schemas"]["FullText"];
            count: number;
            /** @description Its notification drills of the year, in the order they were held */
            drills: {
                blmId: string;
                /** Format: uuid */
                drillId: string;
                ended: boolean;
                /** Format: date-time */
                issuedAt: string;
                summary: {
                    inTime: number;
                    late: number;
                    medianMinutes?: number;
                    never: number;
                    recipients: number;
                };
                title: components["schemas"]["Text"];
            }[];
            /** @enum {string} */
            trend: "faster" | "slower" | "steady" | "not-enough-drills";
            year: number;
        };
        BoardAsOf: {
            /** Format: date-time */
            at: string;
            incidents: components["schemas"]["IncidentBoardEntry"][];
            ports: components["schemas"]["Port"][];
        };
        CancelDto: {
            /** @description At least one language (en, es); the other can be added later as a translation */
            reason: {
                en?: string;
                es?: string;
            };
        };
        CasualtiesDto: {
            /** @example 0 */
            fatalities: number;
            /** @example 0 */
            injured: number;
        };
        /** @description A national center told: when it was recorded, when it was done if recorded after the fact, and its report number */
        CenterContact: {
            /**
             * Format: date-time
             * @description When it was recorded
             */
            at: string;
            /** @enum {string} */
            center: "NRC" | "CENACOM";
            /**
             * Format: date-time
             * @description When it was done, if recorded after the fact
             */
            occurredAt?: string;
            /** @description The NRC report number or the CENACOM folio */
            reportNumber?: string;
        };
        ChecklistItem: {
            addedBy?: {
                agency: string;
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                side: "US" | "MX";
            };
            agency: string;
            critical: boolean;
            id: string;
            note?: components["schemas"]["Text"];
            /**
             * @description Whose item it is: one side, or both (JOINT)
             * @enum {string}
             */
            owner: "US" | "MX" | "JOINT";
            reason?: components["schemas"]["Text"];
            reopened?: {
                agency: string;
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                previousStatus: "completed" | "waived";
                reason: components["schemas"]["Text"];
                /** @enum {string} */
                side: "US" | "MX";
            };
            /** Format: date-time */
            resolvedAt?: string;
            resolvedBy?: components["schemas"]["SideAgency"];
            /** @enum {string} */
            status: "open" | "completed" | "waived";
            text: components["schemas"]["FullText"];
        };
        ChecklistNoteDto: {
            /** @description At least one language (en, es); the other can be added later as a translation */
            note?: {
                en?: string;
                es?: string;
            };
        };
        ChecklistProgress: {
            completed: number;
            criticalOpen: number;
            criticalOpenByOwner: {
                JOINT: number;
                MX: number;
                US: number;
            };
            open: number;
            portId: string;
            /** @description Whether the next reopening phase may go ahead */
            readyToReopen: boolean;
            shutdownId: string;
            signOffs: {
                MX: boolean;
                US: boolean;
            };
            signOffsToRenew: ("US" | "MX")[];
            total: number;
            waived: number;
        };
        ChecklistTemplate: {
            id: string;
            items: {
                agency: string;
                critical: boolean;
                id: string;
                /**
                 * @description Whose item it is: one side, or both (JOINT)
                 * @enum {string}
                 */
                owner: "US" | "MX" | "JOINT";
                text: components["schemas"]["FullText"];
            }[];
            /** @enum {string} */
            kind: "hazmat-release" | "fire" | "flood" | "security-threat" | "infrastructure-failure";
            name: components["schemas"]["FullText"];
            version: number;
        };
        Checkpoint: {
            /**
             * Format: date-time
             * @description When it was cut (also signed in the note)
             */
            at: string;
            /** @description The position of its last leaf's event (absent for an empty tree) */
            lastPosition?: string;
            /** @description The C2SP signed note, with the witnesses' cosignatures added since */
            note: string;
            /** @description Root hash, hex */
            root: string;
            /** @description Tree size */
            size: number;
        };
        CheckpointPage: {
            checkpoints: components["schemas"]["Checkpoint"][];
            /** @description Pass as `after` for the next page; null on the last one */
            next: number | null;
        };
        CloseLanesDto: {
            /**
             * @description Lanes of the officer's own side to close now; omitted: every one of them still open
             * @example [
             *       "passenger:southbound"
             *     ]
             */
            lanes?: string[];
            /** @description Why (e.g. the plume moved) */
            reason: {
                en?: string;
                es?: string;
            };
        };
        ComponentHealth: {
            /** @description Why it is down, as the driver said it: only for an admin's token */
            error?: string;
            /** @example 3 */
            latencyMs?: number;
            /** @enum {string} */
            status: "up" | "down";
        };
        ConsistencyProof: {
            from: components["schemas"]["Checkpoint"];
            /** @description RFC 9162 consistency proof: hex SHA-256 hashes */
            proof: string[];
            to: components["schemas"]["Checkpoint"];
        };
        CosignatureDto: {
            /** @description The checkpoint note as served, with the witness’s cosignature line (C2SP tlog-cosignature, cosignature/v1) added */
            note: string;
        };
        CreatedResource: {
            /** @example 0d9a6a56-0c8e-4f7e-9a0c-6c1f2b1c2d3e */
            id: string;
            /** @enum {string} */
            type: "incident" | "protective-action" | "situation-report" | "shutdown" | "checklist-item" | "notification" | "drill" | "observation";
        };
        DeclareShutdownDto: {
            /**
             * Format: uuid
             * @description The incident that caused the shutdown
             */
            incidentId?: string;
            /**
             * @description Chooses the business-resumption checklist template
             * @enum {string}
             */
            kind: "hazmat-release" | "fire" | "flood" | "security-threat" | "infrastructure-failure";
            /**
             * @description Lanes of the officer's own side (northbound: U.S., southbound: Mexico); omitted: all of them
             * @example [
             *       "commercial:northbound",
             *       "fast:northbound"
             *     ]
             */
            lanes?: string[];
            /** @description At least one language (en, es); the other can be added later as a translation */
            reason: {
                en?: string;
                es?: string;
            };
        };
        Delivery: {
            agency: string;
            /** Format: date-time */
            at: string;
            attempts: number;
            /** @enum {string} */
            channel: "console" | "webhook" | "email";
            /** Format: date-time */
            nextAttemptAt?: string | null;
            reason?: string;
            /** @enum {string} */
            side: "US" | "MX";
            /** @enum {string} */
            status: "delivered" | "failed" | "abandoned";
            tier?: number;
        };
        Diff: {
            /** @enum {string} */
            aggregate: "incident" | "port" | "notification";
            /** @description What changed, in a stable order */
            changes: {
                /** @description Any JSON value, absent when the value disappeared */
                after?: unknown;
                /** @description Any JSON value, absent when the value appeared */
                before?: unknown;
                /** @description A JSON path */
                path: string;
            }[];
            /** @description The events that changed it, in order */
            events: components["schemas"]["EventLine"][];
            from: components["schemas"]["AsOf"];
            id: string;
            to: components["schemas"]["AsOf"];
        };
        DisableAccountDto: {
            /** @description Why, for the record (e.g. "left the agency") */
            reason?: string;
        };
        Drill: {
            /** @description How long until the clock runs; 0 once it runs or stands */
            countdownMs: number;
            /** Format: uuid */
            drillId: string;
            /**
             * Format: date-time
             * @description The drill time now; null before its clock starts
             */
            drillTime: string | null;
            /** Format: date-time */
            endedAt?: string;
            halts: {
                /** Format: date-time */
                at: string;
                by: components["schemas"]["DrillActor"];
                /** Format: date-time */
                drillTime: string;
                reason: components["schemas"]["Text"];
            }[];
            /** Format: uuid */
            id: string;
            participants: {
                agency: string;
                /** Format: date-time */
                joinedAt: string | null;
                /** @enum {string} */
                role: "player" | "evaluator" | "controller";
                /** @enum {string} */
                side: "US" | "MX";
                username: string;
            }[];
            plan: {
                /** @enum {string} */
                kind: "scenario";
                participants: components["schemas"]["DrillParticipant"][];
                /** @description The compression it starts at */
                rate: number;
                /** @description The whole scenario as it was planned (open: the record keeps the scenario file as it was, whose shape is the scenario schema of config/scenarios, not this document) */
                scenario: {
                    blmId: string;
                    id: string;
                    injects: {
                        [key: string]: unknown;
                    }[];
                    portId: string;
                    timeZone: string;
                    title: components["schemas"]["FullText"];
                } & {
                    [key: string]: unknown;
                };
                /**
                 * Format: date-time
                 * @description Scenario time zero: the drill time its clock starts at
                 */
                startsAt: string;
                /** @description IANA zone every time of the drill is shown in */
                timeZone: string;
                title: components["schemas"]["FullText"];
            } | {
                /** @description Every member agency of these BLMs is sent the EXERCISE notification */
                blmIds: string[];
                /** @enum {string} */
                kind: "notification";
                participants: components["schemas"]["DrillParticipant"][];
                /** @description The compression it starts at */
                rate: number;
                /**
                 * Format: date-time
                 * @description Scenario time zero: the drill time its clock starts at
                 */
                startsAt: string;
                /** @description IANA zone every time of the drill is shown in */
                timeZone: string;
                title: components["schemas"]["FullText"];
            };
            plannedBy: components["schemas"]["DrillActor"];
            /** @description The compression now (drill seconds per real second) */
            rate: number;
            /** @description Injects released: inject id → the drill time of its release */
            released: {
                [key: string]: string;
            };
            revision: number;
            /** @enum {string} */
            status: "planned" | "running" | "paused" | "halted" | "ended";
        };
        /** @description Who did it (a null side for Enlace itself) */
        DrillActor: {
            agency: string;
            /** @enum {string|null} */
            side: "US" | "MX" | null;
            username: string;
        };
        DrillObservationDto: {
            /**
             * @description An HSEEP core capability id
             * @example operational-coordination
             */
            capability: string;
            /** @example OBJ-1 */
            objectiveId?: string;
            /** @description At least one language (en, es); the other can be added later as a translation */
            text: {
                en?: string;
                es?: string;
            };
        };
        DrillParticipant: {
            agency: string;
            /** @enum {string} */
            role: "player" | "evaluator" | "controller";
            /** @enum {string} */
            side: "US" | "MX";
            username: string;
        };
        DrillParticipantDto: {
            /** @enum {string} */
            role: "player" | "evaluator" | "controller";
            /**
             * @description An account of the directory; its side and agency are the account's
             * @example officer.us
             */
            username: string;
        };
        DrillRateDto: {
            /** @example 120 */
            rate: number;
        };
        DrillSummary: {
            /** Format: uuid */
            drillId: string;
            /** Format: date-time */
            endedAt: string | null;
            injects: number;
            injectsReleased: number;
            /** @enum {string} */
            kind: "scenario" | "notification";
            /** @description Usernames taking part */
            participants: string[];
            /** Format: date-time */
            plannedAt: string;
            plannedBy: components["schemas"]["DrillActor"];
            /** @description The drill stream's revision this line was made at */
            revision: number;
            scenarioId: string | null;
            /**
             * Format: date-time
             * @description Scenario time zero: the drill time its clock starts at
             */
            startsAt: string;
            /** @enum {string} */
            status: "planned" | "running" | "paused" | "halted" | "ended";
            /** @description IANA zone every time of the drill is shown in */
            timeZone: string;
            title: components["schemas"]["FullText"];
        };
        EditImprovementItemDto: {
            /**
             * Format: date
             * @example 2027-03-15
             */
            dueDate?: string;
            owner?: components["schemas"]["ImprovementOwnerDto"];
            /** @enum {string} */
            status?: "proposed" | "accepted" | "in-progress" | "completed" | "rejected";
            /** @description At least one language (en, es); the other can be added later as a translation */
            text?: {
                en?: string;
                es?: string;
            };
        };
        EventLine: {
            actor: string;
            agency: string;
            /** @description What happened, as the event type says (open: each of the event types has its own data) */
            data: {
                [key: string]: unknown;
            };
            /** @description Where it is in the global log (opaque, ordered) */
            position: string;
            /** Format: date-time */
            recordedAt: string;
            revision: number;
            /** @description The actor's country; null for Enlace itself */
            side: string | null;
            streamId: string;
            /** @description The event type */
            type: string;
        };
        /** @description One broken rule of a request */
        FieldProblem: {
            /**
             * @description Dotted path into the body, or the parameter or header
             * @example lat
             */
            field: string;
            message?: components["schemas"]["Bilingual"];
            /**
             * @description The rule broken (class-validator name, or format, range…)
             * @example max
             */
            rule: string;
        };
        /** @description Text in English and Spanish (es-MX) */
        FullText: {
            /** @description English */
            en: string;
            /** @description Spanish (es-MX) */
            es: string;
        };
        HaltDrillDto: {
            /** @description The real-world emergency, in at least one language */
            reason: {
                en?: string;
                es?: string;
            };
        };
        HazardousMaterial: {
            ergGuide: string;
            guideTitle: components["schemas"]["FullText"];
            hazardClass: string;
            name: string;
            names: components["schemas"]["FullText"];
            toxicByInhalation: boolean;
            unNumber: string;
        };
        HealthChecks: {
            eventStore: components["schemas"]["ComponentHealth"];
            /** @description `down` while the read models catch up after a start */
            readModels: components["schemas"]["ComponentHealth"];
            redis: components["schemas"]["ComponentHealth"];
        };
        HealthReport: {
            checks: components["schemas"]["HealthChecks"];
            /**
             * @description The checks that make it not ready
             * @example [
             *       "readModels"
             *     ]
             */
            failing: string[];
            /** @enum {string} */
            status: "ok" | "degraded" | "error";
        };
        ImprovementOwnerDto: {
            /**
             * @example [
             *       "CBP"
             *     ]
             */
            agencies: string[];
            /**
             * @description The side that acts on it (EXCON: exercise control)
             * @enum {string}
             */
            side: "US" | "MX" | "EXCON";
        };
        Incident: {
            affectedPortIds: string[];
            casualties: {
                fatalities: number;
                injured: number;
            };
            closingSummary?: components["schemas"]["Text"];
            /** Format: uuid */
            incidentId: string;
            jcp: {
                /** @description Each side told the other side's national center */
                counterpartNotified: {
                    MX?: components["schemas"]["CenterContact"];
                    US?: components["schemas"]["CenterContact"];
                };
                /** @enum {string} */
                jointResponseTeam: "inactive" | "active" | "deactivated";
                /** @description While the JRT is active: the sides that agreed to stand it down */
                jointResponseTeamStandDown: {
                    MX?: {
                        /** Format: date-time */
                        at: string;
                    };
                    US?: {
                        /** Format: date-time */
                        at: string;
                    };
                };
                /** @description Each side told its national center (NRC, CENACOM) */
                nationalCenters: {
                    MX?: components["schemas"]["CenterContact"];
                    US?: components["schemas"]["CenterContact"];
                };
                onSceneCoordinators: {
                    MX?: {
                        agency: string;
                        name: string;
                        phone?: string;
                    };
                    US?: {
                        agency: string;
                        name: string;
                        phone?: string;
                    };
                };
            };
            /** @enum {string} */
            kind: "hazmat-release" | "fire" | "flood" | "other";
            location: {
                description: components["schemas"]["Text"];
                lat: number;
                lon: number;
            };
            material?: components["schemas"]["Material"];
            /** @description The fields lacking English or Spanish */
            missingTranslations: string[];
            /**
             * Format: date-time
             * @description When the release was observed, as reported
             */
            observedAt: string;
            /** @description The port the incident is at (absent on incidents reported before it existed) */
            primaryPortId?: string;
            protectiveActions: components["schemas"]["ProtectiveAction"][];
            quantity?: {
                amount: number;
                unit: string;
            };
            /** Format: date-time */
            reportedAt: string;
            reportedBy: components["schemas"]["SideAgency"];
            revision: number;
            /** @enum {string} */
            severity: "minor" | "moderate" | "severe" | "extreme";
            sisterCityPlanId?: string;
            situationReports: components["schemas"]["SituationReport"][];
            /** @enum {string} */
            status: "open" | "closed";
            title: components["schemas"]["Text"];
            /** Format: date-time */
            updatedAt: string;
        };
        IncidentBoardEntry: {
            affectedPortIds: string[];
            /** Format: uuid */
            incidentId: string;
            /** @enum {string} */
            jointResponseTeam: "inactive" | "active" | "deactivated";
            /** @enum {string} */
            kind: "hazmat-release" | "fire" | "flood" | "other";
            lastEventType: string;
            /** Format: date-time */
            lastUpdate: string;
            material: {
                ergGuide?: string;
                hazardClass?: string;
                name: string;
                toxicByInhalation?: boolean;
                unNumber?: string;
            } | null;
            missingTranslations: string[];
            protectiveActionsInForce: number;
            /** Format: date-time */
            reportedAt: string;
            reportedBy: components["schemas"]["SideAgency"];
            /** @enum {string} */
            severity: "minor" | "moderate" | "severe" | "extreme";
            /** @enum {string} */
            status: "open" | "closed";
            title: components["schemas"]["Text"];
        };
        IncidentDetail: {
            affectedPortIds: string[];
            casualties: {
                fatalities: number;
                injured: number;
            };
            closingSummary?: components["schemas"]["Text"];
            /** Format: uuid */
            incidentId: string;
            jcp: {
                /** @description Each side told the other side's national center */
                counterpartNotified: {
                    MX?: components["schemas"]["CenterContact"];
                    US?: components["schemas"]["CenterContact"];
                };
                /** @enum {string} */
                jointResponseTeam: "inactive" | "active" | "deactivated";
                /** @description While the JRT is active: the sides that agreed to stand it down */
                jointResponseTeamStandDown: {
                    MX?: {
                        /** Format: date-time */
                        at: string;
                    };
                    US?: {
                        /** Format: date-time */
                        at: string;
                    };
                };
                /** @description Each side told its national center (NRC, CENACOM) */
                nationalCenters: {
                    MX?: components["schemas"]["CenterContact"];
                    US?: components["schemas"]["CenterContact"];
                };
                onSceneCoordinators: {
                    MX?: {
                        agency: string;
                        name: string;
                        phone?: string;
                    };
                    US?: {
                        agency: string;
                        name: string;
                        phone?: string;
                    };
                };
            };
            /** @enum {string} */
            kind: "hazmat-release" | "fire" | "flood" | "other";
            /** @description The type of the last event folded */
            lastEventType: string;
            location: {
                description: components["schemas"]["Text"];
                lat: number;
                lon: number;
            };
            material?: components["schemas"]["Material"];
            /** @description The fields lacking English or Spanish */
            missingTranslations: string[];
            /**
             * Format: date-time
             * @description When the release was observed, as reported
             */
            observedAt: string;
            /** @description The port the incident is at (absent on incidents reported before it existed) */
            primaryPortId?: string;
            protectiveActions: components["schemas"]["ProtectiveAction"][];
            quantity?: {
                amount: number;
                unit: string;
            };
            /** Format: date-time */
            reportedAt: string;
            reportedBy: components["schemas"]["SideAgency"];
            revision: number;
            /** @enum {string} */
            severity: "minor" | "moderate" | "severe" | "extreme";
            sisterCityPlanId?: string;
            situationReports: components["schemas"]["SituationReport"][];
            /** @enum {string} */
            status: "open" | "closed";
            title: components["schemas"]["Text"];
            /** Format: date-time */
            updatedAt: string;
        };
        InclusionProof: {
            checkpoint: components["schemas"]["Checkpoint"];
            leafHash: string;
            leafIndex: number;
            /** @description Where it is in the global log (opaque, ordered) */
            position: string;
            /** @description Hex SHA-256 hashes, from the leaf up */
            proof: string[];
            treeSize: number;
        };
        IssueNotificationDto: {
            /**
             * Format: date-time
             * @description ISO 8601; must be in the future
             */
            acknowledgmentDeadline: string;
            /** @example blm-sandiego-tijuana */
            blmId: string;
            /** @description At least one language (en, es); the other can be added later as a translation */
            body: {
                en?: string;
                es?: string;
            };
            /** @enum {string} */
            severity: "minor" | "moderate" | "severe" | "extreme";
            subject: components["schemas"]["NotificationSubjectDto"];
            /** @description At least one language (en, es); the other can be added later as a translation */
            title: {
                en?: string;
                es?: string;
            };
        };
        ItemReopeningDto: {
            /** @description Why the completion or waiver no longer holds (e.g. a new reading over the threshold) */
            reason: {
                en?: string;
                es?: string;
            };
        };
        JcpStepDto: {
            /**
             * Format: date-time
             * @description When the step was actually done, if it is recorded after the fact (ISO 8601): not in the future, not before the incident was observed. When it was recorded is kept too (the event’s recordedAt)
             * @example 2026-11-23T17:40:00Z
             */
            occurredAt?: string;
            /**
             * @deprecated
             * @description The former name of reportNumber (still accepted)
             */
            reference?: string;
            /**
             * @description The number the national centre gave the report: the NRC report number, the CENACOM folio
             * @example 1380012
             */
            reportNumber?: string;
        };
        Liveness: {
            /** @enum {string} */
            status: "ok";
        };
        LocationDto: {
            /** @description At least one language (en, es); the other can be added later as a translation */
            description: {
                en?: string;
                es?: string;
            };
            /** @example 32.549 */
            lat: number;
            /** @example -116.938 */
            lon: number;
        };
        LoginDto: {
            /** @example demo */
            password: string;
            /**
             * @description A directory username (2–64 letters, digits or . _ -, starting with a letter), in any case
             * @example officer.us
             */
            username: string;
        };
        LogKey: {
            /** @enum {string} */
            algorithm: "Ed25519";
            /** @description The log's name, first line of every checkpoint note */
            origin: string;
            publicKeyPem: string;
            /** @description The C2SP verifier key */
            verifierKey: string;
            /** @description The witnesses whose cosignatures the log accepts */
            witnesses: string[];
        };
        Material: {
            ergGuide?: string;
            hazardClass?: string;
            name: string;
            toxicByInhalation?: boolean;
            unNumber?: string;
        };
        MaterialDto: {
            /**
             * @description ERG guide 111–174, optional P suffix
             * @example 124
             */
            ergGuide?: string;
            /** @example 2.3 */
            hazardClass?: string;
            /** @example Chlorine */
            name: string;
            /**
             * @description UN/NA number, 4 digits
             * @example 1017
             */
            unNumber?: string;
        };
        NewChecklistItemDto: {
            /**
             * @description The lead agency, one of the owner's: US CBP, GSA, EPA, LOCAL-US, USCG, DOS, TRADE-US; MX ANAM, INM, PC, PROFEPA, INDAABIN, GN, SRE, TRADE-MX; JOINT JRT, BLM
             * @enum {string}
             */
            agency: "CBP" | "GSA" | "EPA" | "LOCAL-US" | "USCG" | "DOS" | "TRADE-US" | "ANAM" | "INM" | "PC" | "PROFEPA" | "INDAABIN" | "GN" | "SRE" | "TRADE-MX" | "JRT" | "BLM";
            /** @description Critical items block sign-offs of their side and every reopening until resolved */
            critical: boolean;
            /**
             * @description The officer's own side, or JOINT
             * @enum {string}
             */
            owner: "US" | "MX" | "JOINT";
            /** @description In English and Spanish (both sides read the checklist) */
            text: {
                en?: string;
                es?: string;
            };
        };
        Notification: {
            /** Format: date-time */
            acknowledgmentDeadline: string;
            acknowledgments: {
                agency: string;
                /** Format: date-time */
                at: string;
                officer: string;
                /** @enum {string} */
                readIn?: "en" | "es";
                /** @enum {string} */
                side: "US" | "MX";
            }[];
            blmId: string;
            body: components["schemas"]["Text"];
            cancellation?: {
                /** Format: date-time */
                at: string;
                reason: components["schemas"]["Text"];
            };
            /** @description The last outcome of each message, by its key `<side>:<agency>:<channel>[:tier-<n>]` */
            deliveries: {
                [key: string]: components["schemas"]["Delivery"];
            };
            escalations: {
                /** Format: date-time */
                at: string;
                /** Format: date-time */
                deadline: string;
                escalatedTo: components["schemas"]["Addressee"][];
                pending: components["schemas"]["Recipient"][];
                tier: number;
            }[];
            /** Format: date-time */
            issuedAt: string;
            issuedBy: {
                agency: string;
                officer: string;
                /** @enum {string} */
                side: "US" | "MX";
            };
            /** Format: uuid */
            notificationId: string;
            /** @description Active, with recipients pending past the acknowledgment deadline */
            overdue: boolean;
            /** @description Recipients that have not acknowledged it */
            pending: components["schemas"]["Recipient"][];
            recipients: components["schemas"]["Recipient"][];
            revision: number;
            /** @enum {string} */
            severity: "minor" | "moderate" | "severe" | "extreme";
            /** @enum {string} */
            status: "active" | "cancelled";
            subject: {
                incidentId?: string;
                portId?: string;
                shutdownId?: string;
            };
            title: components["schemas"]["Text"];
            /** Format: date-time */
            updatedAt: string;
        };
        NotificationSubjectDto: {
            /** Format: uuid */
            incidentId?: string;
            /** @example otay-mesa */
            portId?: string;
            /** Format: uuid */
            shutdownId?: string;
        };
        OrderProtectiveActionDto: {
            center: components["schemas"]["PointDto"];
            /** @description At least one language (en, es); the other can be added later as a translation */
            instructions: {
                en?: string;
                es?: string;
            };
            /** @enum {string} */
            kind: "evacuation" | "shelter-in-place";
            /** @example 800 */
            radiusMeters: number;
        };
        /** @description One of a port's shutdowns */
        PastShutdown: {
            /** Format: date-time */
            declaredAt: string;
            declaredBy: components["schemas"]["SideAgency"];
            /** @description The incident it was declared for */
            incidentId: string | null;
            incidentTitle: {
                en?: string;
                es?: string;
            } | null;
            joinedBy: {
                agency: string;
                /** @enum {string} */
                side: "US" | "MX";
            } | null;
            /** @enum {string} */
            kind: "hazmat-release" | "fire" | "flood" | "security-threat" | "infrastructure-failure";
            lanes: string[];
            portId: string;
            reason: components["schemas"]["Text"];
            /**
             * Format: date-time
             * @description When the port reopened; null while it is in progress
             */
            reopenedAt: string | null;
            /**
             * @description full if every lane was closed at some point of it
             * @enum {string}
             */
            scope: "full" | "partial";
            shutdownId: string;
        };
        /** @description One value for each side of the border */
        PerSide: {
            mx: string;
            us: string;
        };
        PlanDrillDto: {
            participants: components["schemas"]["DrillParticipantDto"][];
            /**
             * @description Drill seconds per real second
             * @example 60
             */
            rate: number;
            /** @description A planner's own scenario, whole (as POST /api/scenarios/import answers it), checked like the scenario files */
            scenario?: {
                [key: string]: unknown;
            };
            /**
             * @description A scenario of GET /api/scenarios; or give `scenario` instead
             * @example laredo-chlorine-rail-bridge
             */
            scenarioId?: string;
            /**
             * Format: date-time
             * @description Scenario time zero (ISO 8601), the drill time its clock starts at; default: the planner's now
             */
            startsAt?: string;
            /** @description The drill's title in English and Spanish (both); default: the scenario's title, or 'Notification drill' and the BLMs' names */
            title?: {
                en?: string;
                es?: string;
            };
        };
        PlanNotificationDrillDto: {
            /**
             * @description The BLMs whose member agencies are sent the EXERCISE notification (GET /api/blms); ["all"] for every BLM
             * @example [
             *       "blm-nogales"
             *     ]
             */
            blmIds: string[];
            participants: components["schemas"]["DrillParticipantDto"][];
            /**
             * @description Drill seconds per real second
             * @example 60
             */
            rate: number;
            /**
             * Format: date-time
             * @description Scenario time zero (ISO 8601), the drill time its clock starts at; default: the planner's now
             */
            startsAt?: string;
            /** @description The drill's title in English and Spanish (both); default: the scenario's title, or 'Notification drill' and the BLMs' names */
            title?: {
                en?: string;
                es?: string;
            };
        };
        /** @description WGS-84 coordinates */
        Point: {
            lat: number;
            lon: number;
        };
        PointDto: {
            /** @example 32.549 */
            lat: number;
            /** @example -116.938 */
            lon: number;
        };
        Port: {
            activeShutdown: {
                blockers: components["schemas"]["ReopeningBlockers"];
                checklist: {
                    items: components["schemas"]["ChecklistItem"][];
                    templateId: string;
                    templateVersion: number;
                };
                /** @description Lanes still closed */
                closedLanes: string[];
                /** Format: date-time */
                declaredAt: string;
                declaredBy: components["schemas"]["SideAgency"];
                incidentId?: string;
                joinedBy?: {
                    agency: string;
                    /** Format: date-time */
                    at: string;
                    reason: components["schemas"]["Text"];
                    /** @enum {string} */
                    side: "US" | "MX";
                };
                /** @enum {string} */
                kind: "hazmat-release" | "fire" | "flood" | "security-threat" | "infrastructure-failure";
                /** @description Every lane this shutdown has closed, in the order they closed */
                lanes: string[];
                phases: number;
                reason: components["schemas"]["Text"];
                /** @enum {string} */
                scope: "full" | "partial";
                shutdownId: string;
                /** @description Sign-offs in force */
                signOffs: {
                    MX?: components["schemas"]["SignOff"];
                    US?: components["schemas"]["SignOff"];
                };
                /** @description Sign-offs withdrawn by a later change, to give again */
                signOffsToRenew: {
                    MX?: components["schemas"]["WithdrawnSignOff"];
                    US?: components["schemas"]["WithdrawnSignOff"];
                };
            } | null;
            blmId: string;
            cbpPortCode: string | null;
            checklistProgress: {
                completed: number;
                criticalOpen: number;
                criticalOpenByOwner: {
                    JOINT: number;
                    MX: number;
                    US: number;
                };
                open: number;
                portId: string;
                /** @description Whether the next reopening phase may go ahead */
                readyToReopen: boolean;
                shutdownId: string;
                signOffs: {
                    MX: boolean;
                    US: boolean;
                };
                signOffsToRenew: ("US" | "MX")[];
                total: number;
                waived: number;
            } | null;
            /**
             * Format: date-time
             * @description When the shutdown in progress was declared
             */
            closedSince: string | null;
            id: string;
            lanes: {
                /** @enum {string} */
                direction: "northbound" | "southbound";
                id: string;
                /** @enum {string} */
                mode: "passenger" | "pedestrian" | "commercial" | "rail" | "sentri" | "fast" | "ready";
            }[];
            laneStatus: {
                /** @enum {string} */
                direction: "northbound" | "southbound";
                id: string;
                /** @enum {string} */
                mode: "passenger" | "pedestrian" | "commercial" | "rail" | "sentri" | "fast" | "ready";
                /** @enum {string} */
                status: "open" | "closed";
            }[];
            linkedIncidentId: string | null;
            /** @description Null where the reference data has no reliable coordinates yet */
            location: {
                lat: number;
                lon: number;
            } | null;
            name: components["schemas"]["PerSide"];
            /** @description The most recent past shutdowns (up to 10), oldest first */
            pastShutdowns: {
                /** Format: date-time */
                declaredAt: string;
                incidentId?: string;
                /** @enum {string} */
                kind: "hazmat-release" | "fire" | "flood" | "security-threat" | "infrastructure-failure";
                /** Format: date-time */
                reopenedAt: string;
                shutdownId: string;
            }[];
            pastShutdownsTotal: number;
            /** @description The port stream's revision; -1 while nothing has happened at the port */
            revision: number;
            state: components["schemas"]["PerSide"];
            /** @enum {string} */
            status: "open" | "partially-closed" | "closed";
            timeZones: components["schemas"]["PerSide"];
        };
        /** @description The resumption checklist of the shutdown in progress */
        PortChecklist: {
            blockers: components["schemas"]["ReopeningBlockers"];
            items: components["schemas"]["ChecklistItem"][];
            revision: number;
            shutdownId: string;
            /** @description Sign-offs in force */
            signOffs: {
                MX?: components["schemas"]["SignOff"];
                US?: components["schemas"]["SignOff"];
            };
            /** @description Sign-offs withdrawn by a later change, to give again */
            signOffsToRenew: {
                MX?: components["schemas"]["WithdrawnSignOff"];
                US?: components["schemas"]["WithdrawnSignOff"];
            };
            templateId: string;
            templateVersion: number;
        };
        ProtectiveAction: {
            actionId: string;
            center: components["schemas"]["Point"];
            instructions: components["schemas"]["Text"];
            /** @enum {string} */
            kind: "evacuation" | "shelter-in-place";
            /** Format: date-time */
            liftedAt?: string;
            /** Format: date-time */
            orderedAt: string;
            radiusMeters: number;
            /** @enum {string} */
            side: "US" | "MX";
        };
        QuantityDto: {
            /** @example 900 */
            amount: number;
            /**
             * @example kg
             * @enum {string}
             */
            unit: "kg" | "t" | "lb" | "L" | "m3" | "gal";
        };
        Queues: {
            queues: {
                counts: {
                    active: number;
                    completed: number;
                    delayed: number;
                    failed: number;
                    waiting: number;
                };
                lastFailed: {
                    attemptsMade: number;
                    /** @description The job's data: open, each kind of job carries its own (libs/notifications jobs.ts) */
                    data: {
                        [key: string]: unknown;
                    };
                    failedReason: string;
                    /** Format: date-time */
                    finishedOn: string | null;
                    id?: string;
                    /** @description The job name */
                    name: string;
                }[];
                /** @enum {string} */
                name: "deliveries" | "deadlines" | "injects";
            }[];
        };
        /** @description An agency of a side */
        Recipient: {
            agency: string;
            /** @enum {string} */
            side: "US" | "MX";
        };
        RecordedEventView: {
            /** @description What happened, as the event type says */
            data: {
                [key: string]: unknown;
            };
            /** @description SHA-256 chaining it to the stream's previous event */
            hash: string;
            /** Format: uuid */
            id: string;
            /** @description Who (actor, agency, country, role), when (recordedAt), why (correlation and causation ids), mode */
            metadata: {
                [key: string]: unknown;
            };
            /** @description Where it is in the global log (opaque, ordered) */
            position: string;
            revision: number;
            /** @example incident-0d9a6a56-0c8e-4f7e-9a0c-6c1f2b1c2d3e */
            streamId: string;
            /** @example IncidentReported */
            type: string;
        };
        RefreshDto: {
            /** @description The refresh token of the last sign-in or refresh (each is good for one refresh) */
            refreshToken: string;
        };
        ReopeningBlockers: {
            /** @description Sides without a sign-off in force */
            missingSignOffs: ("US" | "MX")[];
            /** @description Critical items neither completed nor waived */
            openCriticalItems: components["schemas"]["ChecklistItem"][];
            /** @description Of those, the sides whose sign-off a later change withdrew */
            signOffsToRenew: ("US" | "MX")[];
        };
        ReopeningDto: {
            /** @description Lanes of the officer's own side to reopen in this phase; omitted: all of them still closed */
            lanes?: string[];
        };
        ReportIncidentDto: {
            /**
             * @example [
             *       "otay-mesa"
             *     ]
             */
            affectedPortIds?: string[];
            casualties?: components["schemas"]["CasualtiesDto"];
            /** @enum {string} */
            kind: "hazmat-release" | "fire" | "flood" | "other";
            location: components["schemas"]["LocationDto"];
            material?: components["schemas"]["MaterialDto"];
            /**
             * Format: date-time
             * @description When the release was observed (ISO 8601); defaults to now
             */
            observedAt?: string;
            /**
             * @description The port the incident is at (listed first among the affected ports); the other affectedPortIds are additional ports it affects
             * @example otay-mesa
             */
            primaryPortId?: string;
            quantity?: components["schemas"]["QuantityDto"];
            /**
             * @description CAP 1.2 severity
             * @enum {string}
             */
            severity: "minor" | "moderate" | "severe" | "extreme";
            /** @example scp-sandiego-tijuana */
            sisterCityPlanId?: string;
            /** @description At least one language (en, es); the other can be added later as a translation */
            title: {
                en?: string;
                es?: string;
            };
        };
        ScenarioSummary: {
            blmId: string;
            /** @description Scenario minutes from the first inject to the last */
            durationMinutes: number;
            hazard: {
                ergGuide: string;
                unNumber: string;
            };
            id: string;
            injects: number;
            objectives: number;
            portId: string;
            timeZone: string;
            title: components["schemas"]["FullText"];
        };
        SessionTokensResponse: {
            /** @description Access token (JWT, typ at+jwt): send as Authorization: Bearer */
            accessToken: string;
            /**
             * @description Seconds the access token lives
             * @example 900
             */
            expiresIn: number;
            /** @description The refresh token expires then unless used (idle timeout) */
            refreshExpiresAt: string;
            /** @description Exchange at POST /api/auth/refresh before the access token expires; good once */
            refreshToken: string;
            /** @description The session ends then however active; sign in again */
            sessionExpiresAt: string;
            /** @example Bearer */
            tokenType: string;
            user: Record<string, never>;
        };
        /** @description A side and one of its agencies */
        SideAgency: {
            agency: string;
            /** @enum {string} */
            side: "US" | "MX";
        };
        SignOff: {
            agency: string;
            /** Format: date-time */
            at: string;
            officer: string;
            /** @enum {string} */
            side: "US" | "MX";
        };
        SignOffDto: {
            /**
             * @description Must be the officer's own side
             * @enum {string}
             */
            side: "US" | "MX";
        };
        SisterCityPlan: {
            id: string;
            mxCity: string;
            usCity: string;
        };
        SituationReport: {
            /** Format: date-time */
            filedAt: string;
            number: number;
            reportId: string;
            /** @enum {string} */
            side: "US" | "MX";
            summary: components["schemas"]["Text"];
        };
        SummaryDto: {
            /** @description At least one language (en, es); the other can be added later as a translation */
            summary: {
                en?: string;
                es?: string;
            };
        };
        /** @description Free text in English and Spanish (es-MX): at least one of them; the other may be added later */
        Text: {
            /** @description English */
            en?: string;
            /** @description Spanish (es-MX) */
            es?: string;
        };
        TranslateIncidentTextDto: {
            /**
             * @description title | location.description | closingSummary | situationReport:<id> | protectiveAction:<id>
             * @example title
             */
            field: string;
            /** @enum {string} */
            language: "en" | "es";
            /** @description Line breaks are allowed except in title and location.description; at most as long as the text translated (title 200, location.description 500, protective-action instructions 2000, others 4000 characters) */
            text: string;
        };
        UpdateIncidentDto: {
            affectedPortIds?: string[];
            casualties?: components["schemas"]["CasualtiesDto"];
            location?: components["schemas"]["LocationDto"];
            material?: components["schemas"]["MaterialDto"];
            quantity?: components["schemas"]["QuantityDto"];
            /** @enum {string} */
            severity?: "minor" | "moderate" | "severe" | "extreme";
            sisterCityPlanId?: string;
            /**
             * @description Per changed field, the value the form started from (null: it had none). Without If-Match the update is decided on the latest state: refused (409 INCIDENT.UPDATE_CONFLICT, with each conflicting field and both values) only when one of these fields was changed since by someone else
             * @example {
             *       "severity": "moderate"
             *     }
             */
            startedFrom?: {
                [key: string]: unknown;
            };
            /** @description At least one language (en, es); the other can be added later as a translation */
            title?: {
                en?: string;
                es?: string;
            };
        };
        UpdateNotificationDto: {
            /** Format: date-time */
            acknowledgmentDeadline?: string;
            /** @description At least one language (en, es); the other can be added later as a translation */
            body?: {
                en?: string;
                es?: string;
            };
            /** @enum {string} */
            severity?: "minor" | "moderate" | "severe" | "extreme";
            /** @description At least one language (en, es); the other can be added later as a translation */
            title?: {
                en?: string;
                es?: string;
            };
        };
        /** @description Every error answer (docs/decisions/0027): the status again, a stable code, the message in English and Spanish, and details that depend on the code */
        ValidationError: {
            /**
             * @description Stable and machine-readable. Codes any route may answer: VALIDATION_FAILED, MALFORMED_JSON, BAD_REQUEST, UNAUTHENTICATED, AUTH.TOKEN_INVALID, AUTH.TOKEN_EXPIRED, AUTH.SESSION_ENDED, AUTH.ROLE, FORBIDDEN, NOT_FOUND, REVISION_CONFLICT, IDEMPOTENCY_CONFLICT, IDEMPOTENCY_KEY_REUSED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_ENCODING, TOO_MANY_REQUESTS, STORE_UNAVAILABLE, INTERNAL_ERROR; a business rule answers its own, named after its aggregate (INCIDENT.CLOSED, PORT.REOPENING_BLOCKED, DRILL.ENDED, …)
             * @example REVISION_CONFLICT
             */
            code: string;
            /** @description For VALIDATION_FAILED, every broken rule (MALFORMED_JSON and BAD_REQUEST carry none) */
            details: {
                fields?: components["schemas"]["FieldProblem"][];
            };
            message: components["schemas"]["Bilingual"];
            statusCode: number;
        };
        Verification: {
            chains: {
                breaks: {
                    /** @enum {string} */
                    reason: "hash-mismatch" | "revision-gap";
                    revision: number;
                    streamId: string;
                }[];
                eventsChecked: number;
                ok: boolean;
                streamsChecked: number;
            };
            /** Format: date-time */
            checkedAt: string;
            log: {
                checkpointsChecked: number;
                eventsChecked: number;
                lastCheckpoint?: {
                    /** Format: date-time */
                    at: string;
                    root: string;
                    signers: string[];
                    size: number;
                };
                ok: boolean;
                /** @description The first problem found (verification stops there) */
                problem?: {
                    checkpointSize?: number;
                    /** @enum {string} */
                    kind: "data-changed" | "event-missing" | "event-inserted" | "order-changed" | "checkpoint-forged" | "checkpoint-mismatch";
                    leafIndex?: number;
                    message: components["schemas"]["FullText"];
                    /** @description Where it is in the global log (opaque, ordered) */
                    position?: string;
                    revision?: number;
                    streamId?: string;
                };
                /** @description Leaves sealed (tiles) and the last signed checkpoint's size */
                sealedLeaves: number;
                /** @description The world checked: the live one, or a drill */
                world: {
                    /** @enum {string} */
                    kind: "live";
                } | {
                    drillId: string;
                    /** @enum {string} */
                    kind: "drill";
                };
            };
            /** @description Both the log and every hash chain hold */
            ok: boolean;
        };
        WaiverDto: {
            /** @description Why the item is waived (required) */
            reason: {
                en?: string;
                es?: string;
            };
        };
        WithdrawnSignOff: {
            agency: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            cause: "item-reopened" | "item-added" | "item-waived" | "joint-item-completed" | "lanes-closed";
            itemId?: string;
            officer: string;
            reason: components["schemas"]["FullText"];
            /** @enum {string} */
            side: "US" | "MX";
            /** Format: date-time */
            withdrawnAt: string;
        };
        WriteResult: {
            /** @description What the write created (a protective action, a situation report, a shutdown…), if it created something */
            created?: components["schemas"]["CreatedResource"];
            /** @description Events appended (or appended by the first request, when replayed) */
            events: components["schemas"]["WrittenEvent"][];
            /** @description Id of the resource written */
            id: string;
            /** @description Global position of the last event appended (absent when replayed without events) */
            position?: string;
            /** @description True when this answers a retried request with the same Idempotency-Key */
            replayed: boolean;
            /** @description Revision after the write; send it as If-Match with the next write */
            revision: number;
        };
        WrittenEvent: {
            /** Format: uuid */
            id: string;
            /** @example IncidentReported */
            type: string;
        };
    };
    responses: never;
    parameters: {
        /** @description An id of your own for this request, repeated in the answer and in the logs */
        CorrelationId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request in the logs: the one the client sent in X-Correlation-Id, or one the api made up */
        CorrelationId: string;
        /** @description The revision of the resource after this answer, quoted (e.g. "3"): send it as If-Match */
        ETag: string;
        /** @description Present (true) when this answers a retry with the same Idempotency-Key: nothing new was recorded */
        IdempotentReplayed: "true";
        /** @description Where what the request created can be read */
        Location: string;
        /** @description Where the next page starts: send it as `cursor` (absent on the last page) */
        NextCursor: string;
        /** @description Seconds to wait before trying again */
        RetryAfter: number;
        /** @description RFC 6750: `Bearer realm="enlace"`, with `error="invalid_token"` when a token was sent and refused (expired, revoked, malformed) */
        WWWAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AccountsController_list: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"][];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AccountsController_disable: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableAccountDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such account in the directory */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Already in that state */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not locked; or an admin disabling their own account */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AccountsController_enable: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such account in the directory */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Already in that state */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not locked; or an admin disabling their own account */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AccountsController_unlock: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such account in the directory */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Already in that state */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not locked; or an admin disabling their own account */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    OutboxController_list: {
        parameters: {
            query?: {
                /** @description Only the messages of this channel */
                channel?: "email" | "webhook";
                /** @description Messages in the page */
                limit?: number;
                /** @description Messages to skip, newest first */
                offset?: number;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { total, offset, limit, items: [{ deliveryId, channel, recipient, agency, side, notificationId, kind, drillId?, subject?, body?, payload?, receivedAt }] } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    QueuesController_list: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { queues: [{ name, counts, lastFailed }] } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Queues"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AsOfController_view: {
        parameters: {
            query: {
                /** @description ISO-8601 instant with its offset, or a position */
                at: unknown;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                aggregate: "incident" | "port" | "notification";
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { aggregate, id, moment, lastEvent, state, timeline, around: { before, after } } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AsOf"];
                };
            };
            /** @description VALIDATION_FAILED: aggregate, id or at */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Officers: incidents and ports only */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description AUDIT.UNKNOWN_AGGREGATE */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AsOfController_board: {
        parameters: {
            query: {
                /** @description ISO-8601 instant with its offset */
                at: unknown;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { at, incidents: IncidentBoardEntry[], ports: PortStatus[] } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardAsOf"];
                };
            };
            /** @description VALIDATION_FAILED: at (an instant; the board is not read at a position) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AsOfController_diff: {
        parameters: {
            query: {
                from: unknown;
                to: unknown;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                aggregate: "incident" | "port" | "notification";
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { from: AsOfView, to: AsOfView, changes: [{ path, before, after }], events } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Diff"];
                };
            };
            /** @description VALIDATION_FAILED: aggregate, id, from, to, or to before from */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Officers: incidents and ports only */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description AUDIT.UNKNOWN_AGGREGATE */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditHistoryController_list: {
        parameters: {
            query?: {
                /** @description Who acted */
                actor?: string;
                /** @description A position: events after it (the `next` of the page before) */
                after?: string;
                /** @description One aggregate’s streams (drill: drills’ own streams exercise-<id>.drill-<id>); absent: every live stream */
                aggregate?: "incident" | "port" | "notification" | "drill";
                /** @description Recorded at or after (ISO-8601 with its zone) */
                from?: string;
                /** @description One aggregate’s id (with aggregate): a UUID, or a port id such as otay-mesa */
                id?: string;
                limit?: number;
                /** @description The side the actor acted for */
                side?: "US" | "MX";
                /** @description Recorded at or before; not before from, and at most one year after it (oversized range: 400) */
                to?: string;
                /** @description Event types (repeat the parameter, or separate with commas), of the aggregate asked for */
                type?: ("AccountDisabled" | "AccountEnabled" | "AccountUnlocked" | "AuditExportRecorded" | "BlmNotificationAcknowledged" | "BlmNotificationAcknowledgedOnBehalf" | "BlmNotificationCancelled" | "BlmNotificationDelivered" | "BlmNotificationDeliveryAbandoned" | "BlmNotificationDeliveryFailed" | "BlmNotificationEscalated" | "BlmNotificationIssued" | "BlmNotificationUpdated" | "ChecklistItemAdded" | "ChecklistItemCompleted" | "ChecklistItemReopened" | "ChecklistItemWaived" | "CounterpartCenterNotified" | "DrillClockPaused" | "DrillClockRateChanged" | "DrillClockResumed" | "DrillClockStarted" | "DrillEnded" | "DrillHalted" | "DrillImprovementItemEdited" | "DrillInjectReleased" | "DrillObservationRecorded" | "DrillParticipantJoined" | "DrillPlanned" | "IncidentClosed" | "IncidentReported" | "IncidentTextTranslated" | "IncidentUpdated" | "JointResponseTeamActivated" | "JointResponseTeamDeactivated" | "JointResponseTeamStandDownAgreed" | "LoggedOut" | "LoginFailed" | "LoginLockedOut" | "LoginSucceeded" | "LoginUnlocked" | "NationalCenterNotified" | "OnSceneCoordinatorAssigned" | "PortLanesReopened" | "PortReopened" | "PortShutdownDeclared" | "PortShutdownJoined" | "PortShutdownWidened" | "ProtectiveActionLifted" | "ProtectiveActionOrdered" | "RefreshTokenReused" | "ResumptionSignOffWithdrawn" | "ResumptionSignedOff" | "SessionRefreshed" | "SessionRevoked" | "SessionStarted" | "SituationReportFiled")[];
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { items, next }: next is the after of the next page, null at the end of the history */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: {
                            actor?: string;
                            agency?: string;
                            causationId?: string | null;
                            correlationId?: string;
                            data?: Record<string, never>;
                            /** Format: uuid */
                            drillId?: string;
                            /** Format: date-time */
                            drillTime?: string;
                            /** @description At the port the event concerns: its U.S. and Mexican zones and the local times there */
                            local?: {
                                mx?: {
                                    time?: string;
                                    zone?: string;
                                };
                                portId?: string;
                                us?: {
                                    time?: string;
                                    zone?: string;
                                };
                            } | null;
                            position?: string;
                            /** Format: date-time */
                            recordedAt?: string;
                            revision?: number;
                            role?: string;
                            /** @enum {string|null} */
                            side?: "US" | "MX" | null;
                            stream?: string;
                            type?: string;
                            /** @enum {string} */
                            world?: "live" | "drill";
                        }[];
                        next?: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: every bad parameter named with its rule (English, Spanish) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Auditors and admins: everything. Officers: aggregate=incident or aggregate=port with its id. Planners: aggregate=drill. Anything else is 403 AUDIT.HISTORY_SCOPE (English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description aggregate and id name no incident, port, notification or drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditHistoryController_export: {
        parameters: {
            query?: {
                /** @description Who acted */
                actor?: string;
                /** @description A position: events after it (the `next` of the page before) */
                after?: string;
                /** @description One aggregate’s streams (drill: drills’ own streams exercise-<id>.drill-<id>); absent: every live stream */
                aggregate?: "incident" | "port" | "notification" | "drill";
                /** @description jsonl when absent */
                format?: "jsonl" | "csv";
                /** @description Recorded at or after (ISO-8601 with its zone) */
                from?: string;
                /** @description One aggregate’s id (with aggregate): a UUID, or a port id such as otay-mesa */
                id?: string;
                /** @description The side the actor acted for */
                side?: "US" | "MX";
                /** @description Recorded at or before; not before from, and at most one year after it (oversized range: 400) */
                to?: string;
                /** @description Event types (repeat the parameter, or separate with commas), of the aggregate asked for */
                type?: ("AccountDisabled" | "AccountEnabled" | "AccountUnlocked" | "AuditExportRecorded" | "BlmNotificationAcknowledged" | "BlmNotificationAcknowledgedOnBehalf" | "BlmNotificationCancelled" | "BlmNotificationDelivered" | "BlmNotificationDeliveryAbandoned" | "BlmNotificationDeliveryFailed" | "BlmNotificationEscalated" | "BlmNotificationIssued" | "BlmNotificationUpdated" | "ChecklistItemAdded" | "ChecklistItemCompleted" | "ChecklistItemReopened" | "ChecklistItemWaived" | "CounterpartCenterNotified" | "DrillClockPaused" | "DrillClockRateChanged" | "DrillClockResumed" | "DrillClockStarted" | "DrillEnded" | "DrillHalted" | "DrillImprovementItemEdited" | "DrillInjectReleased" | "DrillObservationRecorded" | "DrillParticipantJoined" | "DrillPlanned" | "IncidentClosed" | "IncidentReported" | "IncidentTextTranslated" | "IncidentUpdated" | "JointResponseTeamActivated" | "JointResponseTeamDeactivated" | "JointResponseTeamStandDownAgreed" | "LoggedOut" | "LoginFailed" | "LoginLockedOut" | "LoginSucceeded" | "LoginUnlocked" | "NationalCenterNotified" | "OnSceneCoordinatorAssigned" | "PortLanesReopened" | "PortReopened" | "PortShutdownDeclared" | "PortShutdownJoined" | "PortShutdownWidened" | "ProtectiveActionLifted" | "ProtectiveActionOrdered" | "RefreshTokenReused" | "ResumptionSignOffWithdrawn" | "ResumptionSignedOff" | "SessionRefreshed" | "SessionRevoked" | "SessionStarted" | "SituationReportFiled")[];
            };
            header?: {
                /** @description A retry of the same export with the same key is recorded once */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Streamed (chunked). CSV columns: position, recorded_at_utc, local_time_us, local_time_mx, type, stream, revision, actor, agency, side, role, correlation_id, data */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    /** @description The export’s id, as the audit journal records it */
                    "X-Enlace-Export-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description VALIDATION_FAILED: every bad parameter named with its rule (English, Spanish) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Auditors and admins: everything. Officers: aggregate=incident or aggregate=port with its id. Planners: aggregate=drill. Anything else is 403 AUDIT.HISTORY_SCOPE (English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description aggregate and id name no incident, port, notification or drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditHistoryController_ics214: {
        parameters: {
            query?: {
                /** @description html when absent */
                format?: "html" | "csv";
                from?: string;
                /** @description The side’s language when absent (en for US, es for MX) */
                lang?: "en" | "es";
                /** @description The caller’s side when absent */
                side?: "US" | "MX";
                to?: string;
            };
            header?: {
                /** @description A retry with the same key is recorded once */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    /** @description The export’s id, as the audit journal records it */
                    "X-Enlace-Export-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "text/html": string;
                };
            };
            /** @description VALIDATION_FAILED: the id, side, format, lang, from or to */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Planners; an officer asking for the other side (AUDIT.ICS214_SIDE) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description INCIDENT.NOT_FOUND */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditLogController_latest: {
        parameters: {
            query?: {
                /** @description A drill's id: that drill's own tree instead of the live one */
                drill?: string;
                format?: "json" | "note";
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { size, root, at, note, lastPosition } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkpoint"];
                    "text/plain": string;
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description AUDIT.NO_CHECKPOINT: nothing sealed yet */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditLogController_checkpoints: {
        parameters: {
            query?: {
                /** @description A tree size */
                after?: number;
                /** @description A drill's id: that drill's own tree instead of the live one */
                drill?: string;
                limit?: number;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { checkpoints: [{ size, root, at, note }], next } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointPage"];
                };
            };
            /** @description VALIDATION_FAILED: after or limit */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditLogController_checkpoint: {
        parameters: {
            query?: {
                /** @description A drill's id: that drill's own tree instead of the live one */
                drill?: string;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                size: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkpoint"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description AUDIT.CHECKPOINT_NOT_FOUND */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditLogController_cosign: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                size: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CosignatureDto"];
            };
        };
        responses: {
            /** @description The checkpoint with every cosignature */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkpoint"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description AUDIT.COSIGNATURE_INVALID: not a cosignature this log accepts */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditLogController_key: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { origin, algorithm, verifierKey, publicKeyPem, witnesses } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogKey"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditLogController_consistency: {
        parameters: {
            query: {
                /** @description A drill's id: that drill's own tree instead of the live one */
                drill?: string;
                from: number;
                to: number;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { from, to, proof: [hex] } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsistencyProof"];
                };
            };
            /** @description VALIDATION_FAILED: from, to, or from > to */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description AUDIT.CHECKPOINT_NOT_FOUND: no checkpoint of that size */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditLogController_inclusion: {
        parameters: {
            query: {
                /** @description A drill's id: that drill's own tree instead of the live one */
                drill?: string;
                position: string;
                size?: number;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { position, leafIndex, treeSize, proof: [hex], leafHash, checkpoint } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InclusionProof"];
                };
            };
            /** @description VALIDATION_FAILED: position or size */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Auditors and admins only */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description AUDIT.NOT_SEALED or AUDIT.CHECKPOINT_NOT_FOUND */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditLogController_verification: {
        parameters: {
            query?: {
                /** @description A drill's id: that drill's own tree instead of the live one */
                drill?: string;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { ok, checkedAt, log: { eventsChecked, checkpointsChecked, lastCheckpoint, problem }, chains } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Auditors and admins only */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuthController_listActivity: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page */
                before?: string;
                /** @description Entries per page (1–200, default 50) */
                limit?: string;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { entries: [...], next: number | null } */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthActivityPage"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionTokensResponse"];
                };
            };
            /** @description The username cannot be a username (VALIDATION_FAILED naming the field) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Unknown username or wrong password (AUTH.SIGN_IN_FAILED) */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts for this name from this address, for this name from everywhere, from this address, or too many sign-ins of this account (AUTH.TOO_MANY_ATTEMPTS); or too many at once from this address (AUTH.TOO_MANY_AT_ONCE). See Retry-After */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many sign-ins at once; see Retry-After */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out (also when the session had already ended) */
            204: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActorView"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionTokensResponse"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Invalid, spent, expired or revoked: sign in again */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ReferenceController_blms: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Blm"][];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ReferenceController_blm: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlmWithPorts"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ReferenceController_checklistTemplates: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistTemplate"][];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_list: {
        parameters: {
            query?: {
                /** @description The X-Next-Cursor header of the page before */
                cursor?: string;
                limit?: number;
                status?: "planned" | "running" | "paused" | "halted" | "ended";
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of drills */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    "X-Next-Cursor": components["headers"]["NextCursor"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrillSummary"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_plan: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanDrillDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not allowed to do this in this drill (reason in English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The drill is not in a state that allows it (ended, halted, not started) */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The drill */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Drill"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller takes no part in the drill (planners, admins and auditors read all) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_transition: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
                transition: "start" | "pause" | "resume" | "end" | "join";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not allowed to do this in this drill (reason in English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The drill is not in a state that allows it (ended, halted, not started) */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_halt: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HaltDrillDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not allowed to do this in this drill (reason in English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The drill is not in a state that allows it (ended, halted, not started) */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_improve: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditImprovementItemDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not allowed to do this in this drill (reason in English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The drill is not in a state that allows it (ended, halted, not started) */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_observe: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DrillObservationDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not allowed to do this in this drill (reason in English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The drill is not in a state that allows it (ended, halted, not started) */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_rate: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DrillRateDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not allowed to do this in this drill (reason in English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The drill is not in a state that allows it (ended, halted, not started) */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_report: {
        parameters: {
            query?: {
                format?: "html" | "md" | "json";
                lang?: "en" | "es";
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report (JSON: schemaVersion, kind and the evaluation) */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": string;
                    "text/html; charset=utf-8": string;
                    "text/markdown; charset=utf-8": string;
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller takes no part in the drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_planNotification: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanNotificationDrillDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not allowed to do this in this drill (reason in English and Spanish) */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such drill */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The drill is not in a state that allows it (ended, halted, not started) */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused with another body */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DrillsController_notificationSummary: {
        parameters: {
            query?: {
                /** @description Default: this year */
                year?: number;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One line per BLM, with its drills of the year in the order they were held */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlmYear"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_list: {
        parameters: {
            query?: {
                /** @description A position (e.g. from a write): answer once the board has reached it */
                after?: string;
                /** @description The X-Next-Cursor header of the page before */
                cursor?: string;
                limit?: number;
                status?: "open" | "closed" | "all";
            };
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the board */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    "X-Next-Cursor": components["headers"]["NextCursor"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentBoardEntry"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_report: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIncidentDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The incident with its JCP steps, protective actions and situation reports */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incident"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateIncidentDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CapController_incident: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CAP 1.2 <alert> (urn:oasis:names:tc:emergency:cap:1.2), scope Restricted, one <info> in en-US and one in es-MX; status Exercise for drills */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/cap+xml": string;
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SummaryDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_counterpartCenterNotified: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JcpStepDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_events: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedEventView"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_activateJrt: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_deactivateJrt: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_nationalCenterNotified: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JcpStepDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_assignOnSceneCoordinator: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignOnSceneCoordinatorDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_orderProtectiveAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderProtectiveActionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_liftProtectiveAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                actionId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_fileSituationReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SummaryDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_timeline: {
        parameters: {
            query?: {
                after?: string;
            };
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityEntry"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_translate: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TranslateIncidentTextDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsController_archive: {
        parameters: {
            query?: {
                /** @description A position (e.g. from a write): answer once the archive has it */
                after?: string;
                /** @description The X-Next-Cursor header of the page before */
                cursor?: string;
                /** @description Observed at or after (a date is read in UTC) */
                from?: string;
                limit?: number;
                /** @description A UN number (1017, UN1017) or part of a name */
                material?: string;
                /** @description A port id (otay-mesa) */
                port?: string;
                /** @description Words that must all appear */
                q?: string;
                /** @description Observed at or before (a date: to its end, UTC) */
                to?: string;
            };
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the archive */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    "X-Next-Cursor": components["headers"]["NextCursor"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchivedIncident"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ReferenceController_material: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                unNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HazardousMaterial"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description A position (e.g. from a write): answer once the tracker has reached it */
                after?: string;
                blmId?: string;
                /** @description The X-Next-Cursor header of the page before */
                cursor?: string;
                limit?: number;
                status?: "active" | "cancelled" | "all";
            };
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the tracker */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    "X-Next-Cursor": components["headers"]["NextCursor"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    NotificationsController_issue: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueNotificationDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or not a recipient */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such notification */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    NotificationsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    NotificationsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or not a recipient */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such notification */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    NotificationsController_acknowledge: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or not a recipient */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such notification */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    NotificationsController_acknowledgeOnBehalf: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeOnBehalfDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or not a recipient */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such notification */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    NotificationsController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or not a recipient */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such notification */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CapController_notification: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CAP 1.2 <alert> (urn:oasis:names:tc:emergency:cap:1.2), scope Restricted, one <info> in en-US and one in es-MX; status Exercise for drills */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/cap+xml": string;
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such notification */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_list: {
        parameters: {
            query?: {
                /** @description A position (e.g. from a write): answer once the board has reached it */
                after?: string;
            };
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Port"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The port */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Port"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_checklist: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checklist; ETag is the port's revision */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortChecklist"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_complete: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChecklistNoteDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_reopenItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemReopeningDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_waive: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WaiverDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_addItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewChecklistItemDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_join: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseLanesDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_reopen: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReopeningDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_shutdowns: {
        parameters: {
            query?: {
                /** @description A position (e.g. from a write): answer once the history has it */
                after?: string;
                /** @description The X-Next-Cursor header of the page before */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the port's shutdowns */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    "X-Next-Cursor": components["headers"]["NextCursor"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PastShutdown"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_declareShutdown: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareShutdownDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_signOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignOffDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_widen: {
        parameters: {
            query?: never;
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); the same key with another body is 422 */
                "Idempotency-Key"?: string;
                /** @description The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed */
                "If-Match"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseLanesDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not an officer, or acting for the other side */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such port or checklist item */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description If-Match does not match the current revision */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A business rule refused the command (reason in English and Spanish) */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PortsController_checklists: {
        parameters: {
            query?: {
                after?: string;
            };
            header?: {
                /** @description A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 if there is no such drill, 409 once it has ended or while it is halted for a real emergency) */
                "Enlace-Drill"?: string;
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistProgress"][];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted */
            409: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ScenariosController_list: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioSummary"][];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ScenariosController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such scenario */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ScenariosController_csv: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such scenario */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ScenariosController_xlsx: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such scenario */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ScenariosController_import: {
        parameters: {
            query?: {
                /** @description The file name, for the problems to name it */
                file?: unknown;
            };
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description The scenario, checked against the reference data */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Planners and administrators only */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than the api accepts */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is not JSON (send Content-Type: application/json) */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description SCENARIO.INVALID: details.problems, each with file, cell (sheet, row, column), inject, field, rule */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ReferenceController_sisterCityPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SisterCityPlan"];
                };
            };
            /** @description The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule) */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such resource (or no such drill in Enlace-Drill) */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `ok`, or `degraded` when Redis is down (deliveries wait) */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
            /** @description The event store does not answer, or the read models are catching up */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `ok`, or `degraded` when Redis is down (deliveries wait) */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
            /** @description The event store does not answer, or the read models are catching up */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: {
                /** @description An id of your own for this request, repeated in the answer and in the logs */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description No token, or not the metrics token (METRICS.UNAUTHENTICATED, with WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the same Idempotency-Key */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Something went wrong on the server side (500), or another error in the same shape */
            default: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
}
