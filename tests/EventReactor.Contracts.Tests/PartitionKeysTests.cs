namespace EventReactor.Contracts.Tests;

public sealed class PartitionKeysTests
{
    [Theory]
    [InlineData("minion/web1/docker/container/die", "web1")]
    [InlineData("minion/web1/heartbeat", "web1")]
    [InlineData("minion/web1.example.com/start", "web1.example.com")]
    [InlineData("minion/solo", "solo")]
    [InlineData("job/20251206/ret/web1", "web1")]
    [InlineData("ci/build/finished", "ci/build/finished")]
    [InlineData("minion//odd", "minion//odd")]
    [InlineData("", "")]
    public void FromTag_Tag_GivesTheMinionElseTheTag(string tag, string key) => Assert.Equal(key, PartitionKeys.FromTag(tag));

    [Fact]
    public void FromTag_ContainerEventAndJobReturnOfOneMinion_ShareOneKey() =>
        Assert.Equal(PartitionKeys.FromTag("minion/gpu7/docker/container/oom"), PartitionKeys.FromTag(JobTags.Return("42", "gpu7")));
}
