namespace EventReactor.Contracts.Tests.Jobs;

public sealed class JobTagsTests
{
    [Fact]
    public void TryParseReturn_ReturnTag_GivesJidAndMinion()
    {
        Assert.True(JobTags.TryParseReturn(JobTags.Return("j1", "web1"), out var jid, out var minion));
        Assert.Equal(("j1", "web1"), (jid, minion));
    }

    [Theory]
    [InlineData("job/j1/new")]
    [InlineData("job/j1/ret")]
    [InlineData("job/j1/ret/web1/extra")]
    [InlineData("job//ret/web1")]
    public void TryParseReturn_OtherTag_IsFalse(string tag)
    {
        Assert.False(JobTags.TryParseReturn(tag, out _, out _));
    }
}
