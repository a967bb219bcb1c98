using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Tests.Expressions;

public sealed class CelExpressionTests
{
    private static readonly SourceLocation At = new("r.yaml", 1, 1);

    private static EvaluationScope ScopeFor(string data) =>
        new(EventEnvelope.Create("minion/m1/docker/container/die", "/minion/m1", JsonDocument.Parse(data).RootElement, "m1"));

    [Theory]
    [InlineData("event.data.exitCode != 0", """{"exitCode": 3}""", true)]
    [InlineData("event.data.exitCode != 0", """{"exitCode": 0}""", false)]
    [InlineData("event.tag.startsWith('minion/') && event.minion == 'm1'", "{}", true)]
    [InlineData("has(event.data.exitCode)", "{}", false)]
    [InlineData("event.data.gpus.exists(g, g.model.contains('K80'))", """{"gpus": [{"model": "Tesla K80"}]}""", true)]
    [InlineData("event.data.labels['bench.run'] == 'r1'", """{"labels": {"bench.run": "r1"}}""", true)]
    public void EvaluateCondition_EventData_GivesExpected(string expression, string data, bool expected)
    {
        Assert.Equal(expected, CelCompiler.Compile(expression, At).EvaluateCondition(ScopeFor(data)));
    }

    [Fact]
    public void EvaluateCondition_NonBoolResult_ThrowsSayingSo()
    {
        var error = Assert.Throws<ExpressionException>(() => CelCompiler.Compile("event.data.exitCode", At).EvaluateCondition(ScopeFor("""{"exitCode": 1}""")));

        Assert.Contains("must be a bool", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SyntaxError_ThrowsWithColumn()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => CelCompiler.Compile("a &&", new SourceLocation("f.yaml", 7, 12)));

        Assert.Equal("f.yaml:7:16", error.Diagnostic.Location.ToString());
    }
}
