namespace EventReactor.Messaging.Resilience;

/// <summary>
/// The named Polly pipelines of the reactor and the minion: every wait-and-try-again in the system is one of these.
/// Resolve them with <c>ResiliencePipelineProvider&lt;string&gt;.GetPipeline(name)</c>; each name says where its settings live.
/// </summary>
public static class ResiliencePipelineNames
{
    /// <summary>A raw publish to RabbitMQ while the connection is down: 100 ms doubling to 5 s, until cancelled.</summary>
    public const string DirectPublish = "eventreactor.direct-publish";

    /// <summary>The minion's outbox drain: <c>Minion:Outbox:RetryDelay</c> doubling to <c>RetryMaxDelay</c>, each try cut at <c>PublishTimeout</c>.</summary>
    public const string OutboxDrain = "eventreactor.outbox-drain";

    /// <summary>Storing a container event in the outbox: 200 ms doubling to 10 s, until stopped.</summary>
    public const string OutboxAppend = "eventreactor.outbox-append";

    /// <summary>The minion's start and first inventory, which must not be lost: 500 ms doubling to 30 s, until stopped.</summary>
    public const string MinionAnnounce = "eventreactor.minion-announce";

    /// <summary>A minion's enrollment until its key is accepted: 500 ms doubling to <c>Minion:EnrollPollInterval</c>, until stopped.</summary>
    public const string MinionEnroll = "eventreactor.minion-enroll";

    /// <summary>Reaching the Docker engine: <c>Minion:ReconnectDelay</c> doubling to <c>ReconnectMaxDelay</c>, until stopped.</summary>
    public const string DockerConnect = "eventreactor.docker-connect";

    /// <summary>After a followed engine went away: one <c>Minion:ReconnectDelay</c>, then <see cref="DockerConnect"/> starts over.</summary>
    public const string DockerResume = "eventreactor.docker-resume";

    /// <summary>One ssh provider attempt on a host (connect to start): 3 tries, 1 s doubling, for failures that may pass (connect, upload, install).</summary>
    public const string SshProvision = "eventreactor.ssh-provision";

    /// <summary>A call of RabbitMQ's management API answered with a 5xx: 3 tries, 250 ms doubling (it answers 500 to closing a user's connections while one of them is closing already).</summary>
    public const string BrokerManagement = "eventreactor.broker-management";
}
