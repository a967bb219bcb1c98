using EventReactor.Storage;

namespace EventReactor.Reactor.State;

/// <summary><c>reactor.db</c>'s schema as numbered migrations.</summary>
internal static class ReactorSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "idempotency ledger and audit", """
            CREATE TABLE reactions (
                event_id     TEXT    NOT NULL,
                rule         TEXT    NOT NULL,
                action_index INTEGER NOT NULL,
                status       TEXT    NOT NULL,
                updated_at   INTEGER NOT NULL,
                PRIMARY KEY (event_id, rule, action_index)
            ) WITHOUT ROWID;
            CREATE TABLE audit (
                id           INTEGER PRIMARY KEY,
                event_id     TEXT    NOT NULL,
                event_tag    TEXT    NOT NULL,
                rule         TEXT    NOT NULL,
                location     TEXT    NOT NULL,
                outcome      TEXT    NOT NULL,
                detail       TEXT,
                actions      TEXT    NOT NULL,
                at           INTEGER NOT NULL,
                duration_us  INTEGER NOT NULL
            );
            CREATE INDEX audit_by_event ON audit (event_id);
            """),
        new(2, "minions and jobs", """
            CREATE TABLE minions (
                id                 TEXT    PRIMARY KEY,
                first_seen         INTEGER NOT NULL,
                last_seen          INTEGER NOT NULL,
                present            INTEGER NOT NULL,
                heartbeat_seconds  REAL    NOT NULL,
                grains             TEXT
            ) WITHOUT ROWID;
            CREATE TABLE jobs (
                jid        TEXT    PRIMARY KEY,
                fun        TEXT    NOT NULL,
                arguments  TEXT    NOT NULL,
                target     TEXT    NOT NULL,
                target_type TEXT   NOT NULL,
                minions    TEXT    NOT NULL,
                caused_by  TEXT,
                created_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE job_returns (
                jid         TEXT    NOT NULL,
                minion      TEXT    NOT NULL,
                success     INTEGER NOT NULL,
                retcode     INTEGER NOT NULL,
                return_data TEXT,
                error       TEXT,
                duration_ms REAL    NOT NULL,
                at          INTEGER NOT NULL,
                PRIMARY KEY (jid, minion)
            ) WITHOUT ROWID;
            """),
        new(3, "pools: membership, explicit members, desired sizes, provisioned minions", """
            CREATE TABLE pool_members (
                pool    TEXT    NOT NULL,
                minion  TEXT    NOT NULL,
                reason  TEXT    NOT NULL,
                since   INTEGER NOT NULL,
                PRIMARY KEY (pool, minion)
            ) WITHOUT ROWID;
            CREATE TABLE pool_additions (
                pool    TEXT    NOT NULL,
                minion  TEXT    NOT NULL,
                at      INTEGER NOT NULL,
                PRIMARY KEY (pool, minion)
            ) WITHOUT ROWID;
            CREATE TABLE pool_sizes (
                pool    TEXT    PRIMARY KEY,
                desired INTEGER NOT NULL,
                at      INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE provisioned (
                minion     TEXT    PRIMARY KEY,
                pool       TEXT    NOT NULL,
                provider   TEXT    NOT NULL,
                handle     TEXT    NOT NULL,
                created_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX jobs_by_time ON jobs (created_at);
            """),
        // 4 is taken by the metrics sink's tables (issue #6); the migrator applies every version it has not applied, in order.
        new(5, "benchmark runs, hosts, repetitions and results", """
            CREATE TABLE bench_runs (
                id          TEXT    PRIMARY KEY,
                suite       TEXT    NOT NULL,
                status      TEXT    NOT NULL,
                reason      TEXT,
                target      TEXT    NOT NULL,
                target_type TEXT    NOT NULL,
                minions     TEXT    NOT NULL,
                policy      TEXT    NOT NULL,
                definition  TEXT    NOT NULL,
                caused_by   TEXT,
                created_at  INTEGER NOT NULL,
                started_at  INTEGER,
                ended_at    INTEGER
            ) WITHOUT ROWID;
            CREATE INDEX bench_runs_by_time ON bench_runs (created_at);
            CREATE TABLE bench_hosts (
                run           TEXT    NOT NULL,
                minion        TEXT    NOT NULL,
                status        TEXT    NOT NULL,
                reason        TEXT,
                cpu_model     TEXT,
                gpu_models    TEXT    NOT NULL,
                instance_type TEXT,
                grains        TEXT,
                PRIMARY KEY (run, minion)
            ) WITHOUT ROWID;
            CREATE TABLE bench_repetitions (
                run          TEXT    NOT NULL,
                minion       TEXT    NOT NULL,
                warmup       INTEGER NOT NULL,
                idx          INTEGER NOT NULL,
                attempt      INTEGER NOT NULL,
                jid          TEXT,
                container_id TEXT,
                status       TEXT    NOT NULL,
                reason       TEXT,
                exit_code    INTEGER,
                started_at   INTEGER NOT NULL,
                ended_at     INTEGER,
                metric_values TEXT,
                PRIMARY KEY (run, minion, warmup, idx, attempt)
            ) WITHOUT ROWID;
            CREATE INDEX bench_repetitions_by_jid ON bench_repetitions (jid);
            CREATE TABLE bench_results (
                run              TEXT    NOT NULL,
                minion           TEXT    NOT NULL,
                metric           TEXT    NOT NULL,
                unit             TEXT    NOT NULL,
                higher_is_better INTEGER NOT NULL,
                n                INTEGER NOT NULL,
                mean             REAL    NOT NULL,
                stddev           REAL    NOT NULL,
                min              REAL    NOT NULL,
                max              REAL    NOT NULL,
                p50              REAL    NOT NULL,
                p95              REAL    NOT NULL,
                rsd              REAL    NOT NULL,
                PRIMARY KEY (run, minion, metric)
            ) WITHOUT ROWID;
            """),
        new(6, "dashboard: journal of events seen, audit by time and by outcome", """
            CREATE TABLE events (
                id        TEXT    PRIMARY KEY,
                tag       TEXT    NOT NULL,
                source    TEXT    NOT NULL,
                time      INTEGER NOT NULL,
                minion    TEXT,
                caused_by TEXT,
                depth     INTEGER NOT NULL,
                data      TEXT    NOT NULL
            );
            CREATE INDEX events_by_cause ON events (caused_by);
            CREATE INDEX events_by_minion ON events (minion);
            CREATE INDEX audit_by_outcome_time ON audit (outcome, at);
            CREATE INDEX audit_by_outcome ON audit (outcome, id);
            """),
        new(7, "the reactor's outbox: every event it emits, until evaluated in-process and published", """
            CREATE TABLE reactor_outbox (
                seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id   TEXT    NOT NULL,
                tag        TEXT    NOT NULL,
                json       BLOB    NOT NULL,
                evaluated  INTEGER NOT NULL DEFAULT 0,
                published  INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX reactor_outbox_to_evaluate ON reactor_outbox (seq) WHERE evaluated = 0;
            CREATE INDEX reactor_outbox_to_publish ON reactor_outbox (seq) WHERE published = 0;
            """),
        // 20 and up: issue #11 (trust), numbered apart from the migrations other work in flight adds.
        new(20, "minion keys and enrollment tokens", """
            CREATE TABLE minion_keys (
                minion      TEXT    NOT NULL,
                fingerprint TEXT    NOT NULL,
                public_key  TEXT    NOT NULL,
                state       TEXT    NOT NULL,
                enrolled_at INTEGER NOT NULL,
                updated_at  INTEGER NOT NULL,
                PRIMARY KEY (minion, fingerprint)
            ) WITHOUT ROWID;
            CREATE INDEX minion_keys_by_state ON minion_keys (state);
            CREATE TABLE enrollment_tokens (
                hash       TEXT    PRIMARY KEY,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                used_at    INTEGER
            ) WITHOUT ROWID;
            """),
        new(21, "rule health: action counts per audit record, audit by rule and time", """
            ALTER TABLE audit ADD COLUMN actions_run INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE audit ADD COLUMN actions_failed INTEGER NOT NULL DEFAULT 0;
            UPDATE audit SET
                actions_run = (SELECT count(*) FROM json_each(audit.actions) WHERE json_extract(value, '$.status') IN ('done', 'failed')),
                actions_failed = (SELECT count(*) FROM json_each(audit.actions) WHERE json_extract(value, '$.status') = 'failed')
            WHERE actions <> '[]';
            CREATE INDEX audit_by_rule_time ON audit (rule, at, outcome, actions_run, actions_failed);
            """),
        new(22, "leases: one holder at a time for singleton work, with an epoch as the fencing token; throttles shared by reactors", """
            CREATE TABLE leases (
                name        TEXT    PRIMARY KEY,
                holder      TEXT    NOT NULL,
                epoch       INTEGER NOT NULL,
                acquired_at INTEGER NOT NULL,
                expires_at  INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE throttles (
                rule    TEXT    NOT NULL,
                key     TEXT    NOT NULL,
                open_at INTEGER NOT NULL,
                PRIMARY KEY (rule, key)
            ) WITHOUT ROWID;
            """),
        new(23, "event journal: events by time, for replay windows and retention by age", """
            CREATE INDEX events_by_time ON events (time);
            """),
        new(24, "claims record their owner reactor and its liveness lease's epoch, so a dead owner's claim is taken over at once", """
            ALTER TABLE reactions ADD COLUMN owner TEXT;
            ALTER TABLE reactions ADD COLUMN owner_epoch INTEGER;
            """),
    ];
}
