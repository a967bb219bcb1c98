namespace EventReactor.Core.Expressions.Fast;

/// <summary>An expression in the fast subset, compiled to a tree of nodes that read the event directly.</summary>
internal sealed class FastExpression(FastNode root, int slotCount)
{
    /// <summary>Compiles the text, or returns null when it is outside the subset.</summary>
    public static FastExpression? TryCompile(string text)
    {
        if (FastLexer.Tokenize(text) is not { } tokens)
        {
            return null;
        }

        try
        {
            var parser = new FastParser(tokens);
            var root = parser.ParseAll();
            return new FastExpression(root, parser.SlotCount);
        }
        catch (FastPathBailout)
        {
            return null;
        }
    }

    /// <summary>
    /// The value when the fast path is certain of it: a scalar the package would give too. False when the
    /// package must decide (an error, a list or map result, anything unusual).
    /// </summary>
    public bool TryEvaluate(EvaluationScope scope, out object? result)
    {
        try
        {
            result = root.Evaluate(new FastContext(scope.Event, scope.Vars, slotCount));
            return FastValues.IsScalar(result);
        }
        catch (FastPathBailout)
        {
            result = null;
            return false;
        }
    }
}
