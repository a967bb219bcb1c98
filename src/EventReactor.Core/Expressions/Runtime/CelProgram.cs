namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A parsed expression: its node tree and how many macro variables it needs.</summary>
internal sealed class CelProgram(CelNode root, int slotCount)
{
    /// <summary>Parses the text; a <see cref="CelSyntaxError"/> says where it is not CEL.</summary>
    public static CelProgram Parse(string text)
    {
        var parser = new CelParser(CelLexer.Tokenize(text));
        var root = parser.ParseAll();
        return new CelProgram(root, parser.SlotCount);
    }

    /// <summary>The value; a <see cref="CelError"/> when CEL says the expression is an error.</summary>
    public object? Evaluate(EvaluationScope scope) => root.Evaluate(new CelContext(scope, slotCount));
}
