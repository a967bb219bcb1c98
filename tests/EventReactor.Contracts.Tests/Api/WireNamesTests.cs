using System.Text.Json;
using EventReactor.Contracts.Api;

namespace EventReactor.Contracts.Tests.Api;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(RuleOutcome.Acted, "acted")]
    [InlineData(RuleOutcome.ConditionFalse, "condition-false")]
    [InlineData(RuleOutcome.ConditionError, "condition-error")]
    [InlineData(RuleOutcome.DepthExceeded, "depth-exceeded")]
    [InlineData(RuleOutcome.Disabled, "disabled")]
    [InlineData(RuleOutcome.Untrusted, "untrusted")]
    [InlineData(RuleOutcome.Rejected, "rejected")]
    public void ToWire_RuleOutcome_IsTheNameTheAuditAlwaysStored(RuleOutcome outcome, string expected) =>
        Assert.Equal(expected, outcome.ToWire());

    [Fact]
    public void Parse_EveryWireName_GivesBackItsValue()
    {
        Assert.All(Enum.GetValues<RuleOutcome>(), v => Assert.Equal(v, WireNames.Parse<RuleOutcome>(v.ToWire())));
        Assert.All(Enum.GetValues<ActionStatus>(), v => Assert.Equal(v, WireNames.Parse<ActionStatus>(v.ToWire())));
        Assert.All(Enum.GetValues<BenchmarkStatus>(), v => Assert.Equal(v, WireNames.Parse<BenchmarkStatus>(v.ToWire())));
    }

    [Fact]
    public void Parse_UnknownName_ThrowsNamingTheKnownOnes()
    {
        var error = Assert.Throws<FormatException>(() => WireNames.Parse<ActionStatus>("Done"));

        Assert.Contains("done, failed, duplicate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_EnumValue_WritesItsWireNameWhateverTheOptions()
    {
        Assert.All(Enum.GetValues<BenchmarkStatus>(), v => Assert.Equal($"\"{v.ToWire()}\"", JsonSerializer.Serialize(v)));
        Assert.All(Enum.GetValues<RuleOutcome>(), v => Assert.Equal($"\"{v.ToWire()}\"", JsonSerializer.Serialize(v, JsonSerializerOptions.Web)));
    }

    [Fact]
    public void Deserialize_Number_IsRefused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ActionStatus>("1"));
}
