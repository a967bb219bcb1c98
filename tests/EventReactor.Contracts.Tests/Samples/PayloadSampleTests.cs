using EventReactor.Contracts.Benchmarks;
using EventReactor.Contracts.Containers;
using EventReactor.Contracts.Inventory;
using EventReactor.Contracts.Jobs;
using EventReactor.Contracts.Metrics;
using EventReactor.Contracts.Minions;
using EventReactor.Contracts.Pools;
using EventReactor.Contracts.Presence;
using EventReactor.Contracts.Reactor;

namespace EventReactor.Contracts.Tests.Samples;

/// <summary>Every recorded payload reads into its record and writes back as the same JSON: names, order, nulls and number forms.</summary>
public sealed class PayloadSampleTests
{
    public static TheoryData<string, Type> Samples => new()
    {
        { "minion-start", typeof(MinionStarted) },
        { "minion-start-without-summary", typeof(MinionStarted) },
        { "minion-heartbeat", typeof(HeartbeatSent) },
        { "minion-stop", typeof(MinionStopped) },
        { "minion-inventory", typeof(Grains) },
        { "minion-inventory-documented", typeof(Grains) },
        { "container-die", typeof(ContainerStateChanged) },
        { "container-health-status", typeof(ContainerStateChanged) },
        { "container-die-reconciled", typeof(ContainerStateChanged) },
        { "container-start-reconciled", typeof(ContainerStateChanged) },
        { "job-new", typeof(JobPublished) },
        { "job-return", typeof(JobReturned) },
        { "job-return-failed", typeof(JobReturned) },
        { "job-return-container-run", typeof(JobReturned) },
        { "metrics-container", typeof(ContainerMetricsSampled) },
        { "metrics-container-final", typeof(ContainerMetricsSampled) },
        { "metrics-host", typeof(HostMetricsSampled) },
        { "presence-change", typeof(PresenceChanged) },
        { "pool-join", typeof(PoolMembershipChanged) },
        { "pool-leave", typeof(PoolMembershipChanged) },
        { "pool-provisioning", typeof(PoolProvisioningStarted) },
        { "pool-provisioning-failed", typeof(PoolProvisioningFailed) },
        { "reactor-pools-invalid", typeof(PoolsRejected) },
        { "reactor-rules-loaded", typeof(RulesLoaded) },
        { "reactor-rules-invalid", typeof(RulesRejected) },
        { "reactor-action-failed", typeof(ActionFailed) },
        { "bench-new", typeof(BenchmarkRunCreated) },
        { "bench-started", typeof(BenchmarkRunStarted) },
        { "bench-progress", typeof(BenchmarkRunProgressed) },
        { "bench-progress-warmup", typeof(BenchmarkRunProgressed) },
        { "bench-done", typeof(BenchmarkRunFinished) },
        { "bench-failed", typeof(BenchmarkRunFinished) },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void ReadThenWrite_RecordedSample_GivesTheSameJson(string sample, Type record)
    {
        var read = System.Text.Json.JsonSerializer.Deserialize(RecordedSample.Load(sample), record, EventData.Options);

        Assert.NotNull(read);
        Assert.Equal(RecordedSample.Text(sample), RecordedSample.Canonical(System.Text.Json.JsonSerializer.SerializeToElement(read, record, EventData.Options)));
    }

    [Fact]
    public void Samples_EveryRecordedFile_IsPinned()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, Samples.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }
}
