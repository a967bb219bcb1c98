using System.Text.Json;
using EventReactor.Core.Evaluation.Replay;

namespace EventReactor.Core.Tests.Evaluation.Replay;

/// <summary>The byte-for-byte shortcut must never decide differently from comparing the JSON values.</summary>
public sealed class RenderedArgumentsTests
{
    private static readonly Dictionary<string, object?> Rendered = new() { ["message"] = "died 3", ["memory"] = 2048L, ["tags"] = new List<object?> { "a", null } };

    [Fact]
    public void Same_SameBytes_IsTrue() =>
        Assert.True(RenderedArguments.Same(JsonElement.Parse("""{"message":"died 3","memory":2048,"tags":["a",null]}"""), Rendered));

    [Fact]
    public void Same_SameValuesWrittenOtherwise_IsTrue() =>
        Assert.True(RenderedArguments.Same(JsonElement.Parse("""{ "tags": [ "a", null ], "memory": 2048, "message": "died 3" }"""), Rendered));

    [Theory]
    [InlineData("""{"message":"died 4","memory":2048,"tags":["a",null]}""")]
    [InlineData("""{"message":"died 3","memory":2048}""")]
    [InlineData("null")]
    public void Same_OtherValues_IsFalse(string live) =>
        Assert.False(RenderedArguments.Same(JsonElement.Parse(live), Rendered));

    [Fact]
    public void Same_OneSideNotRendered_IsFalseUnlessBothAreNot()
    {
        Assert.False(RenderedArguments.Same(null, Rendered));
        Assert.False(RenderedArguments.Same(JsonElement.Parse("{}"), null));
        Assert.True(RenderedArguments.Same(null, null));
    }

    [Fact]
    public void Same_CalledAgainAfterLongerArguments_ComparesOnlyTheNewBytes()
    {
        Assert.True(RenderedArguments.Same(JsonElement.Parse("""{"message":"a much longer message than the next one"}"""), new Dictionary<string, object?> { ["message"] = "a much longer message than the next one" }));

        Assert.True(RenderedArguments.Same(JsonElement.Parse("""{"message":"short"}"""), new Dictionary<string, object?> { ["message"] = "short" }));
    }
}
