using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Tests.Expressions;

public sealed class TemplateParserTests
{
    private static readonly SourceLocation At = new("r.yaml", 3, 10);

    private static readonly EvaluationScope Scope = new(
        EventEnvelope.Create("minion/m1/docker/container/die", "/minion/m1", JsonDocument.Parse("""{"exitCode": 3, "name": "c1", "mem": 1.5}""").RootElement, "m1"),
        new Dictionary<string, object?> { ["team"] = "bench" });

    [Fact]
    public void Parse_ExactlyOneExpression_KeepsIntegerType()
    {
        var template = TemplateParser.Parse("${{ event.data.exitCode }}", At, null);

        Assert.IsType<ExpressionTemplate>(template);
        Assert.Equal(3L, template.Render(Scope));
    }

    [Fact]
    public void Parse_ExpressionWithArithmetic_KeepsNumberType()
    {
        Assert.Equal(3.0, TemplateParser.Parse("${{ event.data.mem * 2.0 }}", At, null).Render(Scope));
    }

    [Fact]
    public void Parse_TextAroundExpressions_InterpolatesString()
    {
        var template = TemplateParser.Parse("${{ event.data.name }} exited ${{ event.data.exitCode }} on ${{ event.minion }} (${{ vars.team }})", At, null);

        Assert.Equal("c1 exited 3 on m1 (bench)", template.Render(Scope));
    }

    [Fact]
    public void Parse_NoExpression_ReturnsTypedLiteral()
    {
        var template = TemplateParser.Parse("42", At, 42L);

        Assert.Equal(42L, template.Render(Scope));
    }

    [Fact]
    public void Parse_UnclosedExpression_ReportsWhereItOpens()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => TemplateParser.Parse("abc ${{ event.tag", At, null));

        Assert.Equal("r.yaml:3:14", error.Diagnostic.Location.ToString());
    }

    [Fact]
    public void Render_MissingField_ThrowsExpressionExceptionWithLocation()
    {
        var template = TemplateParser.Parse("${{ event.data.nope }}", At, null);

        var error = Assert.Throws<ExpressionException>(() => template.Render(Scope));
        Assert.Equal("event.data.nope", error.Expression);
        Assert.Equal("r.yaml:3:14", error.Location.ToString());
    }

    [Theory]
    [InlineData("${{ {'a': {'b': 1}}.a.b }}", 1L)]
    [InlineData("${{ '}}' + \"}}\" }}", "}}}}")]
    [InlineData("${{ {'k': '}}'}['k'] }}", "}}")]
    [InlineData("${{ [{'x': [1]}][0].x[0] }}", 1L)]
    public void Parse_BracesInsideExpression_EndAtTheExpressionsOwnClose(string text, object expected)
    {
        var template = TemplateParser.Parse(text, At, null);

        Assert.IsType<ExpressionTemplate>(template);
        Assert.Equal(expected, template.Render(Scope));
    }

    [Fact]
    public void Parse_TwoExpressionsWithMapLiterals_InterpolatesBoth()
    {
        var template = TemplateParser.Parse("${{ {'a': 1}.a }}-${{ {'b': '}'}.b }}", At, null);

        Assert.Equal("1-}", template.Render(Scope));
    }
}
