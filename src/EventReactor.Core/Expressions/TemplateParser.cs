using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions.Runtime;

namespace EventReactor.Core.Expressions;

/// <summary>Splits a string scalar into literal text and <c>${{ expr }}</c> parts.</summary>
public static class TemplateParser
{
    private const string Open = "${{";
    private const string Close = "}}";

    /// <param name="text">The scalar's value.</param>
    /// <param name="location">Where the scalar's first character sits in its file.</param>
    /// <param name="literal">The value to use when there is no expression (the scalar's typed value).</param>
    public static ValueTemplate Parse(string text, SourceLocation location, object? literal)
    {
        var first = text.IndexOf(Open, StringComparison.Ordinal);
        if (first < 0)
        {
            return new LiteralTemplate(location, literal);
        }

        var parts = new List<object>();
        var position = 0;
        while (first >= 0)
        {
            // The expression's own lexer finds the end, so '}}' inside a string or a map literal does not end it.
            var close = CelLexer.FindTemplateEnd(text, first + Open.Length);
            if (close < 0)
            {
                throw new RuleSyntaxException(new RuleDiagnostic(CelCompiler.At(text, location, first), "'${{' is not closed by '}}'"));
            }

            if (first > position)
            {
                parts.Add(text[position..first]);
            }

            var inner = text[(first + Open.Length)..close];
            var leading = inner.Length - inner.TrimStart().Length;
            parts.Add(CelCompiler.Compile(inner.Trim(), CelCompiler.At(text, location, first + Open.Length + leading)));
            position = close + Close.Length;
            first = text.IndexOf(Open, position, StringComparison.Ordinal);
        }

        if (position < text.Length)
        {
            parts.Add(text[position..]);
        }

        // Exactly one expression and nothing around it but blanks: keep the expression's own type.
        var expressions = parts.OfType<CelExpression>().ToList();
        return expressions.Count == 1 && parts.OfType<string>().All(string.IsNullOrWhiteSpace)
            ? new ExpressionTemplate(location, expressions[0])
            : new InterpolatedTemplate(location, parts);
    }
}
