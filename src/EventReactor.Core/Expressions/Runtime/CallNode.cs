using System.Text.RegularExpressions;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A function call, global (<c>f(x)</c>) or on a target (<c>x.f(y)</c>), dispatched on its name and argument types.</summary>
internal sealed class CallNode(string name, CelNode? target, CelNode[] arguments) : CelNode
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    public override object? Evaluate(CelContext context)
    {
        var receiver = target?.Evaluate(context);
        var values = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Evaluate(context);
        }

        return target is null ? Global(values) : Member(receiver, values);
    }

    private object? Global(object?[] values) => (name, values.Length) switch
    {
        ("size", 1) => ValueAccess.Size(values[0]),
        ("int" or "uint" or "double" or "string" or "bytes" or "bool" or "timestamp" or "duration", 1) => Conversions.Convert(name, values[0]),
        ("dyn", 1) => values[0],
        ("type", 1) => RuntimeValues.TypeOf(values[0]),
        ("matches", 2) => Matches(values[0], values[1]),
        _ => throw new CelError($"unbound function '{name}' with {values.Length} argument(s)"),
    };

    private object? Member(object? receiver, object?[] values) => (name, receiver, values.Length) switch
    {
        ("size", _, 0) => ValueAccess.Size(receiver),
        ("contains" or "startsWith" or "endsWith", string text, 1) when values[0] is string part =>
            RuntimeValues.Bool(StringFunctionNode.Apply(name, text, part)),
        ("matches", _, 1) => Matches(receiver, values[0]),
        (_, CelTimestamp time, 0) when name.StartsWith("get", StringComparison.Ordinal) => CelTime.Field(name, time, null),
        (_, CelTimestamp time, 1) when name.StartsWith("get", StringComparison.Ordinal) && values[0] is string zone => CelTime.Field(name, time, zone),
        (_, CelDuration duration, 0) when name.StartsWith("get", StringComparison.Ordinal) => CelTime.Field(name, duration),
        _ => throw new CelError($"no matching overload for {RuntimeValues.TypeName(receiver)}.{name}({string.Join(", ", values.Select(RuntimeValues.TypeName))})"),
    };

    // A pattern known only when evaluated goes through Regex's own cache of recently used patterns.
    private static object Matches(object? text, object? pattern)
    {
        if (text is not string value || pattern is not string expression)
        {
            throw CelError.NoOverload("matches", text, pattern);
        }

        try
        {
            return RuntimeValues.Bool(Regex.IsMatch(value, expression, Options));
        }
        catch (ArgumentException ex)
        {
            throw new CelError($"invalid regular expression '{expression}': {ex.Message}");
        }
    }

    /// <summary>RE2 semantics as far as .NET has them: no backtracking, so a pattern cannot take exponential time.</summary>
    public static Regex CompileRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, Options);
        }
        catch (ArgumentException ex)
        {
            throw new CelError($"invalid regular expression '{pattern}': {ex.Message}");
        }
    }
}
