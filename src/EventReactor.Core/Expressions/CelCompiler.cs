using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions.Runtime;

namespace EventReactor.Core.Expressions;

/// <summary>Compiles CEL text and maps syntax errors to the file position of the offending character.</summary>
public static class CelCompiler
{
    /// <param name="text">The expression.</param>
    /// <param name="start">Where the expression's first character sits in its file.</param>
    public static CelExpression Compile(string text, SourceLocation start)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleSyntaxException(new RuleDiagnostic(start, "empty expression"));
        }

        try
        {
            return new CelExpression(text, start, CelProgram.Parse(text));
        }
        catch (CelSyntaxError error)
        {
            throw new RuleSyntaxException(new RuleDiagnostic(At(text, start, error.Offset), $"CEL: {error.Message} in '{text}'"));
        }
    }

    /// <summary>The file position of the character at <paramref name="offset"/> in text that starts at <paramref name="start"/>.</summary>
    internal static SourceLocation At(string text, SourceLocation start, int offset)
    {
        var lines = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines++;
                lineStart = i + 1;
            }
        }

        return start.Offset(lines, offset - lineStart);
    }
}
