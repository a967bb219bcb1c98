using EventReactor.Contracts.Minions;
using EventReactor.Contracts.Tests.Samples;
using EventReactor.Minion.Presence;

namespace EventReactor.Minion.Tests.Presence;

public sealed class PresenceEventsTests
{
    private static readonly HostSummary Summary = new("Ubuntu 24.04", "AMD EPYC 7763", 16, 68719476736, 1, ["NVIDIA H100 80GB HBM3"], 0, "p5.48xlarge");

    [Fact]
    public void Start_WithSummary_WritesRecordedJson()
    {
        var envelope = PresenceEvents.Start("web1", TimeSpan.FromSeconds(10), Summary);

        Assert.Equal("minion/web1/start", envelope.Tag);
        Assert.Equal(RecordedSample.Text("minion-start"), RecordedSample.Canonical(envelope.Data));
    }

    [Fact]
    public void Start_WithoutSummary_WritesNullSummary()
    {
        Assert.Equal(RecordedSample.Text("minion-start-without-summary"), RecordedSample.Canonical(PresenceEvents.Start("web1", TimeSpan.FromSeconds(2.5), null).Data));
    }

    [Fact]
    public void Heartbeat_WithSummary_WritesRecordedJson()
    {
        var envelope = PresenceEvents.Heartbeat("web1", TimeSpan.FromSeconds(10), 42, Summary);

        Assert.Equal("minion/web1/heartbeat", envelope.Tag);
        Assert.Equal(RecordedSample.Text("minion-heartbeat"), RecordedSample.Canonical(envelope.Data));
    }

    [Fact]
    public void Stop_Always_WritesEmptyObject()
    {
        var envelope = PresenceEvents.Stop("web1");

        Assert.Equal("minion/web1/stop", envelope.Tag);
        Assert.Equal(RecordedSample.Text("minion-stop"), RecordedSample.Canonical(envelope.Data));
    }
}
