using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Tests.Expressions;

/// <summary>Typed rendering follows CEL's JSON mapping, and no value makes it throw.</summary>
public sealed class CelValuesTests
{
    private static readonly SourceLocation At = new("r.yaml", 1, 1);

    [Theory]
    [InlineData("1.0 / 0.0", "\"Infinity\"")]
    [InlineData("-1.0 / 0.0", "\"-Infinity\"")]
    [InlineData("0.0 / 0.0", "\"NaN\"")]
    [InlineData("[1.0 / 0.0, 2.5]", "[\"Infinity\",2.5]")]
    [InlineData("18446744073709551615u", "\"18446744073709551615\"")]
    [InlineData("9007199254740991u", "9007199254740991")]
    [InlineData("9007199254740992", "\"9007199254740992\"")]
    [InlineData("-9007199254740991", "-9007199254740991")]
    [InlineData("timestamp('2024-01-02T03:04:05.000000001Z')", "\"2024-01-02T03:04:05.000000001Z\"")]
    [InlineData("timestamp('9999-12-31T23:59:59Z')", "\"9999-12-31T23:59:59Z\"")]
    [InlineData("duration('1500ms')", "\"1.5s\"")]
    [InlineData("duration('-90s')", "\"-90s\"")]
    [InlineData("b'\\xff\\x00'", "\"/wA=\"")]
    [InlineData("{1: true, false: 'no'}", "{\"1\":true,\"false\":\"no\"}")]
    [InlineData("type(1)", "\"int\"")]
    public void ToJson_RenderedArgument_FollowsCelJsonMapping(string text, string json)
    {
        var value = TemplateParser.Parse("${{ " + text + " }}", At, null).Render(EvaluationScope.ForVariables(new Dictionary<string, object?>()));

        Assert.Equal(json, CelValues.ToJson(value).GetRawText());
    }

    [Theory]
    [InlineData("${{ 1.0 / 0.0 }} and ${{ timestamp('2024-01-02T03:04:05Z') }}", "+Inf and 2024-01-02T03:04:05Z")]
    [InlineData("${{ duration('2m') }}", "120s")]
    public void ToText_Interpolated_ReadsAsCelStrings(string template, string expected)
    {
        var rendered = TemplateParser.Parse("x " + template, At, null).Render(EvaluationScope.ForVariables(new Dictionary<string, object?>()));

        Assert.Equal("x " + expected, rendered);
    }
}
