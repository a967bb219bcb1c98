using EventReactor.Core.Rules;

namespace EventReactor.Core.Tests.Rules;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("512m", 512L << 20)]
    [InlineData("2g", 2L << 30)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("64kb", 64L << 10)]
    public void TryParse_DockerStyleSizes_GivesBytes(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-5m")]
    public void TryParse_Nonsense_Fails(string text) => Assert.False(ByteSize.TryParse(text, out _));
}
