namespace EventReactor.Core.Expressions.Runtime;

/// <summary>
/// A CEL evaluation error (no such key, no matching overload, division by zero, ...). It travels as an
/// exception; <c>&amp;&amp;</c>, <c>||</c> and the <c>all</c>/<c>exists</c> macros absorb it where CEL says so.
/// </summary>
internal sealed class CelError(string message) : Exception(message)
{
    public static object? Raise(string message) => throw new CelError(message);

    public static T Raise<T>(string message) => throw new CelError(message);

    public static CelError NoOverload(string function, params object?[] arguments) =>
        new($"no matching overload for {function}({string.Join(", ", arguments.Select(RuntimeValues.TypeName))})");
}
