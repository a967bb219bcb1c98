using EventReactor.Storage;

namespace EventReactor.Reactor.State;

/// <summary>
/// The reactor's state on PostgreSQL as numbered migrations. A version here holds the same tables as that version of
/// <see cref="ReactorSchema"/>, in PostgreSQL's types: both back ends are at the same schema when at the same version.
/// Times are Unix milliseconds (BIGINT) and JSON is kept as its text, as in SQLite, so both read back the same values.
/// </summary>
internal static class PostgresReactorSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "idempotency ledger and audit", """
            CREATE TABLE reactions (
                event_id     TEXT    NOT NULL,
                rule         TEXT    NOT NULL,
                action_index INTEGER NOT NULL,
                status       TEXT    NOT NULL,
                updated_at   BIGINT  NOT NULL,
                PRIMARY KEY (event_id, rule, action_index)
            );
            CREATE TABLE audit (
                id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_id     TEXT    NOT NULL,
                event_tag    TEXT    NOT NULL,
                rule         TEXT    NOT NULL,
                location     TEXT    NOT NULL,
                outcome      TEXT    NOT NULL,
                detail       TEXT,
                actions      TEXT    NOT NULL,
                at           BIGINT  NOT NULL,
                duration_us  BIGINT  NOT NULL
            );
            CREATE INDEX audit_by_event ON audit (event_id);
            """),
        new(2, "minions and jobs", """
            CREATE TABLE minions (
                id                 TEXT    PRIMARY KEY,
                first_seen         BIGINT  NOT NULL,
                last_seen          BIGINT  NOT NULL,
                present            BOOLEAN NOT NULL,
                heartbeat_seconds  DOUBLE PRECISION NOT NULL,
                grains             TEXT
            );
            CREATE TABLE jobs (
                jid         TEXT    PRIMARY KEY,
                fun         TEXT    NOT NULL,
                arguments   TEXT    NOT NULL,
                target      TEXT    NOT NULL,
                target_type TEXT    NOT NULL,
                minions     TEXT    NOT NULL,
                caused_by   TEXT,
                created_at  BIGINT  NOT NULL
            );
            CREATE TABLE job_returns (
                jid         TEXT    NOT NULL,
                minion      TEXT    NOT NULL,
                success     BOOLEAN NOT NULL,
                retcode     INTEGER NOT NULL,
                return_data TEXT,
                error       TEXT,
                duration_ms DOUBLE PRECISION NOT NULL,
                at          BIGINT  NOT NULL,
                PRIMARY KEY (jid, minion)
            );
            """),
        new(3, "pools: membership, explicit members, desired sizes, provisioned minions", """
            CREATE TABLE pool_members (
                pool    TEXT    NOT NULL,
                minion  TEXT    NOT NULL,
                reason  TEXT    NOT NULL,
                since   BIGINT  NOT NULL,
                PRIMARY KEY (pool, minion)
            );
            CREATE TABLE pool_additions (
                pool    TEXT    NOT NULL,
                minion  TEXT    NOT NULL,
                at      BIGINT  NOT NULL,
                PRIMARY KEY (pool, minion)
            );
            CREATE TABLE pool_sizes (
                pool    TEXT    PRIMARY KEY,
                desired INTEGER NOT NULL,
                at      BIGINT  NOT NULL
            );
            CREATE TABLE provisioned (
                minion     TEXT    PRIMARY KEY,
                pool       TEXT    NOT NULL,
                provider   TEXT    NOT NULL,
                handle     TEXT    NOT NULL,
                created_at BIGINT  NOT NULL
            );
            CREATE INDEX jobs_by_time ON jobs (created_at);
            """),
        // 4 is the metrics sink's (issue #6), which stays in SQLite or Elasticsearch.
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
                created_at  BIGINT  NOT NULL,
                started_at  BIGINT,
                ended_at    BIGINT
            );
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
            );
            CREATE TABLE bench_repetitions (
                run           TEXT    NOT NULL,
                minion        TEXT    NOT NULL,
                warmup        BOOLEAN NOT NULL,
                idx           INTEGER NOT NULL,
                attempt       INTEGER NOT NULL,
                jid           TEXT,
                container_id  TEXT,
                status        TEXT    NOT NULL,
                reason        TEXT,
                exit_code     INTEGER,
                started_at    BIGINT  NOT NULL,
                ended_at      BIGINT,
                metric_values TEXT,
                PRIMARY KEY (run, minion, warmup, idx, attempt)
            );
            CREATE INDEX bench_repetitions_by_jid ON bench_repetitions (jid);
            CREATE TABLE bench_results (
                run              TEXT    NOT NULL,
                minion           TEXT    NOT NULL,
                metric           TEXT    NOT NULL,
                unit             TEXT    NOT NULL,
                higher_is_better BOOLEAN NOT NULL,
                n                INTEGER NOT NULL,
                mean             DOUBLE PRECISION NOT NULL,
                stddev           DOUBLE PRECISION NOT NULL,
                min              DOUBLE PRECISION NOT NULL,
                max              DOUBLE PRECISION NOT NULL,
                p50              DOUBLE PRECISION NOT NULL,
                p95              DOUBLE PRECISION NOT NULL,
                rsd              DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (run, minion, metric)
            );
            """),
        // SQLite orders the journal by its implicit rowid; here an identity column keeps the order of insertion.
        new(6, "dashboard: journal of events seen, audit by time and by outcome", """
            CREATE TABLE events (
                seq       BIGINT  GENERATED ALWAYS AS IDENTITY UNIQUE,
                id        TEXT    PRIMARY KEY,
                tag       TEXT    NOT NULL,
                source    TEXT    NOT NULL,
                time      BIGINT  NOT NULL,
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
                seq        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_id   TEXT    NOT NULL,
                tag        TEXT    NOT NULL,
                json       BYTEA   NOT NULL,
                evaluated  BOOLEAN NOT NULL DEFAULT FALSE,
                published  BOOLEAN NOT NULL DEFAULT FALSE,
                created_at BIGINT  NOT NULL
            );
            CREATE INDEX reactor_outbox_to_evaluate ON reactor_outbox (seq) WHERE NOT evaluated;
            CREATE INDEX reactor_outbox_to_publish ON reactor_outbox (seq) WHERE NOT published;
            """),
        new(20, "minion keys and enrollment tokens", """
            CREATE TABLE minion_keys (
                minion      TEXT   NOT NULL,
                fingerprint TEXT   NOT NULL,
                public_key  TEXT   NOT NULL,
                state       TEXT   NOT NULL,
                enrolled_at BIGINT NOT NULL,
                updated_at  BIGINT NOT NULL,
                PRIMARY KEY (minion, fingerprint)
            );
            CREATE INDEX minion_keys_by_state ON minion_keys (state);
            CREATE TABLE enrollment_tokens (
                hash       TEXT   PRIMARY KEY,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at    BIGINT
            );
            """),
        new(21, "rule health: action counts per audit record, audit by rule and time", """
            ALTER TABLE audit ADD COLUMN actions_run INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE audit ADD COLUMN actions_failed INTEGER NOT NULL DEFAULT 0;
            UPDATE audit SET
                actions_run = (SELECT count(*) FROM jsonb_array_elements(audit.actions::jsonb) AS a(v) WHERE a.v ->> 'status' IN ('done', 'failed')),
                actions_failed = (SELECT count(*) FROM jsonb_array_elements(audit.actions::jsonb) AS a(v) WHERE a.v ->> 'status' = 'failed')
            WHERE actions <> '[]';
            CREATE INDEX audit_by_rule_time ON audit (at) INCLUDE (rule, outcome, actions_run, actions_failed);
            """),
        new(22, "leases: one holder at a time for singleton work, with an epoch as the fencing token; throttles shared by reactors", """
            CREATE TABLE leases (
                name        TEXT    PRIMARY KEY,
                holder      TEXT    NOT NULL,
                epoch       BIGINT  NOT NULL,
                acquired_at BIGINT  NOT NULL,
                expires_at  BIGINT  NOT NULL
            );
            CREATE TABLE throttles (
                rule    TEXT    NOT NULL,
                key     TEXT    NOT NULL,
                open_at BIGINT  NOT NULL,
                PRIMARY KEY (rule, key)
            );
            """),
        new(23, "event journal: events by time, for replay windows and retention by age", """
            CREATE INDEX events_by_time ON events (time);
            """),
        new(24, "claims record their owner reactor and its liveness lease's epoch, so a dead owner's claim is taken over at once", """
            ALTER TABLE reactions ADD COLUMN owner TEXT;
            ALTER TABLE reactions ADD COLUMN owner_epoch BIGINT;
            """),
        new(25, "the outbox's rows name the reactor that evaluates and publishes them; a dead reactor's are adopted", """
            ALTER TABLE reactor_outbox ADD COLUMN owner TEXT;
            DROP INDEX reactor_outbox_to_evaluate;
            DROP INDEX reactor_outbox_to_publish;
            CREATE INDEX reactor_outbox_to_evaluate ON reactor_outbox (owner, seq) WHERE NOT evaluated;
            CREATE INDEX reactor_outbox_to_publish ON reactor_outbox (owner, seq) WHERE NOT published;
            """),
    ];
}
