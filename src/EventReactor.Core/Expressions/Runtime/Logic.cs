namespace EventReactor.Core.Expressions.Runtime;

/// <summary>The error absorption shared by <c>&amp;&amp;</c>, <c>||</c> and the <c>all</c>/<c>exists</c> macros.</summary>
internal static class Logic
{
    /// <summary>The operand's value, or the error it raised.</summary>
    public static (object? Value, CelError? Error) Try(CelNode operand, CelContext context)
    {
        try
        {
            return (operand.Evaluate(context), null);
        }
        catch (CelError error)
        {
            return (null, error);
        }
    }

    /// <summary>Neither side decided: both bools give the right one (the left did not decide); else the first error, or no matching overload.</summary>
    public static object Combine(string function, object? left, CelError? leftError, object? right, CelError? rightError)
    {
        if (leftError is null && rightError is null && left is bool && right is bool)
        {
            return right;
        }

        throw leftError ?? (left is bool ? null : CelError.NoOverload(function, left, right)) ?? rightError ?? CelError.NoOverload(function, left, right);
    }
}
