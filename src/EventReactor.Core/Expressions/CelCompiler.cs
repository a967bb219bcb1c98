using System.Globalization;
using System.Text.RegularExpressions;
using Cel;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>Compiles CEL text and maps syntax errors to the file position of the offending character.</summary>
public static partial class CelCompiler
{
    // The Cel package's environment is not documented as thread-safe; compiling is rare (rule loads), so serialise it.
    private static readonly Lock CompileLock = new();
    private static readonly CelEnvironment Environment = new(null, string.Empty);

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
            lock (CompileLock)
            {
                return new CelExpression(text, start, Environment.Compile(text));
            }
        }
        catch (Exception ex) when (ex is not RuleSyntaxException)
        {
            var (location, message) = Locate(ex.Message, start);
            throw new RuleSyntaxException(new RuleDiagnostic(location, $"CEL: {message} in '{text}'"));
        }
    }

    // The parser reports "Line L:C message" with a 1-based line and a 0-based column inside the expression.
    private static (SourceLocation Location, string Message) Locate(string message, SourceLocation start)
    {
        var match = ParserPosition().Match(message);
        if (!match.Success)
        {
            return (start, message);
        }

        var line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture);
        return (start.Offset(line - 1, column), match.Groups["message"].Value);
    }

    [GeneratedRegex(@"^Line (?<line>\d+):(?<column>\d+) (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex ParserPosition();
}
