using EventReactor.Contracts.Benchmarks;

namespace EventReactor.Contracts.Tests.Benchmarks;

public sealed class BenchmarkTagsTests
{
    [Theory]
    [InlineData(false, "bench/r1/done")]
    [InlineData(true, "bench/r1/failed")]
    public void TryParseFinished_FinishedTag_GivesRunAndWhetherItFailed(bool failed, string tag)
    {
        Assert.Equal(tag, BenchmarkTags.Finished("r1", failed));
        Assert.True(BenchmarkTags.TryParseFinished(tag, out var run, out var parsedFailed));
        Assert.Equal(("r1", failed), (run, parsedFailed));
    }

    [Theory]
    [InlineData("bench/r1/progress")]
    [InlineData("bench/r1/done/x")]
    [InlineData("bench//done")]
    public void TryParseFinished_OtherTag_IsFalse(string tag)
    {
        Assert.False(BenchmarkTags.TryParseFinished(tag, out _, out _));
    }
}
