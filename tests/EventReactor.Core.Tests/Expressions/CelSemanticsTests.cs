using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Tests.Expressions;

/// <summary>The CEL behaviours rule authors meet most, through a rule's scope (the conformance suite covers the rest).</summary>
public sealed class CelSemanticsTests
{
    private static readonly SourceLocation At = new("r.yaml", 1, 1);

    private static readonly EvaluationScope Scope = new(
        EventEnvelope.Create(
            "minion/m1/docker/container/die",
            "/minion/m1",
            JsonDocument.Parse("""{"exitCode": 3, "nothing": null, "empty": "", "labels": {"team": "gpu", "bench.run": "r1"}, "tags": ["a", "b"]}""").RootElement,
            "m1"),
        new Dictionary<string, object?> { ["limit"] = 2L, ["teams"] = new List<object?> { "gpu", "cpu" } });

    [Theory]
    [InlineData("event.data.missing || true", "true")]
    [InlineData("true || event.data.missing", "true")]
    [InlineData("event.data.missing && false", "false")]
    [InlineData("dyn(event.data.exitCode) == 3 || event.data.missing", "true")]
    [InlineData("has(event.data.nothing)", "true")]
    [InlineData("has(event.data.empty)", "true")]
    [InlineData("has(event.data.missing)", "false")]
    [InlineData("has(event.minion)", "true")]
    [InlineData("event.data.labels.exists_one(k, k == 'team')", "true")]
    [InlineData("event.data.labels.map(k, k).size()", "2")]
    [InlineData("event.data.labels.filter(k, k.startsWith('bench')) == ['bench.run']", "true")]
    [InlineData("event.data.labels.`bench.run`", "r1")]
    [InlineData("type(size(event.data.tags)) == int", "true")]
    [InlineData("15.75 / 0.0", "Infinity")]
    [InlineData("bool('true') && bool('f') == false", "true")]
    [InlineData("b'\\x00\\x01' < b'\\x01'", "true")]
    [InlineData("string(timestamp('2024-01-02T03:04:05.123456789Z'))", "2024-01-02T03:04:05.123456789Z")]
    [InlineData("string(duration('1.5s') + duration('250ms'))", "1.75s")]
    [InlineData("event.data.exitCode == 3u && event.data.exitCode == 3.0", "true")]
    [InlineData("vars.limit < event.data.exitCode && 'gpu' in vars.teams", "true")]
    public void Evaluate_RuleScope_FollowsCel(string text, string expected)
    {
        Assert.Equal(expected, CelValues.ToText(CelCompiler.Compile(text, At).Evaluate(Scope)) switch
        {
            "+Inf" => "Infinity",
            var other => other,
        });
    }

    [Theory]
    [InlineData("'a' && 'b'")]
    [InlineData("event.data.missing")]
    [InlineData("event.data.tags.all(t, 1 / 0 == 1)")]
    [InlineData("[1, 2, 3].exists_one(n, 6 / (n - 2) > 1)")]
    [InlineData("timestamp('9999-12-31T23:59:59Z') + duration('1s')")]
    [InlineData("9223372036854775807 + 1")]
    [InlineData("1 + 1u")]
    public void Evaluate_CelError_ThrowsExpressionException(string text)
    {
        Assert.Throws<ExpressionException>(() => CelCompiler.Compile(text, At).Evaluate(Scope));
    }

    [Theory]
    [InlineData("a &&", "f.yaml:7:16", "expected an expression")]
    [InlineData("size(", "f.yaml:7:17", "expected an expression")]
    [InlineData("[1, 2", "f.yaml:7:17", "expected ']'")]
    [InlineData("'open", "f.yaml:7:12", "string literal is not closed")]
    [InlineData("a.", "f.yaml:7:14", "expected a name")]
    public void Compile_SyntaxError_SaysWhereAndWhatShortly(string text, string location, string message)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => CelCompiler.Compile(text, new SourceLocation("f.yaml", 7, 12)));

        Assert.Equal(location, error.Diagnostic.Location.ToString());
        Assert.Contains(message, error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{", error.Diagnostic.Message.Replace(text, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
