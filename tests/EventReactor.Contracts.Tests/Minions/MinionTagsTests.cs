using EventReactor.Contracts.Minions;

namespace EventReactor.Contracts.Tests.Minions;

public sealed class MinionTagsTests
{
    [Fact]
    public void Builders_MinionId_GiveTheDocumentedTags()
    {
        Assert.Equal("minion/web1/start", MinionTags.Start("web1"));
        Assert.Equal("minion/web1/heartbeat", MinionTags.Heartbeat("web1"));
        Assert.Equal("minion/web1/stop", MinionTags.Stop("web1"));
        Assert.Equal("minion/web1/inventory", MinionTags.Inventory("web1"));
        Assert.Equal("minion/web1/docker/container/die", MinionTags.ContainerEvent("web1", "die"));
        Assert.Equal("minion/web1/metrics", MinionTags.ContainerMetrics("web1"));
        Assert.Equal("minion/web1/metrics/host", MinionTags.HostMetrics("web1"));
        Assert.Equal("/minion/web1", MinionTags.Source("web1"));
    }

    [Theory]
    [InlineData("minion/web1/start", MinionEventKind.Start, null)]
    [InlineData("minion/web1/heartbeat", MinionEventKind.Heartbeat, null)]
    [InlineData("minion/web1/stop", MinionEventKind.Stop, null)]
    [InlineData("minion/web1/inventory", MinionEventKind.Inventory, null)]
    [InlineData("minion/web1/docker/container/oom", MinionEventKind.ContainerEvent, "oom")]
    [InlineData("minion/web1/metrics", MinionEventKind.ContainerMetrics, null)]
    [InlineData("minion/web1/metrics/host", MinionEventKind.HostMetrics, null)]
    [InlineData("minion/web1/custom/thing", MinionEventKind.Other, null)]
    [InlineData("minion/web1/docker/container/", MinionEventKind.Other, null)]
    [InlineData("minion/web1/docker/container/a/b", MinionEventKind.Other, null)]
    [InlineData("minion/web1", MinionEventKind.Other, null)]
    public void TryParse_MinionTag_GivesIdKindAndAction(string tag, MinionEventKind kind, string? action)
    {
        Assert.True(MinionTags.TryParse(tag, out var parsed));
        Assert.Equal(new MinionTag("web1", kind, action), parsed);
    }

    [Theory]
    [InlineData("job/1/ret/web1")]
    [InlineData("minion//start")]
    [InlineData("minion/")]
    [InlineData("minions/web1/start")]
    public void TryParse_NotAMinionTag_IsFalse(string tag)
    {
        Assert.False(MinionTags.TryParse(tag, out _));
    }

    [Fact]
    public void Is_HostMetricsTag_IsNotContainerMetrics()
    {
        Assert.True(MinionTags.Is("minion/web1/metrics/host", MinionEventKind.HostMetrics));
        Assert.False(MinionTags.Is("minion/web1/metrics/host", MinionEventKind.ContainerMetrics));
    }
}
