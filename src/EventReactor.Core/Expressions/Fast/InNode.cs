using System.Collections;
using System.Text.Json;

namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>item in list</c> and <c>key in map</c>.</summary>
internal sealed class InNode(FastNode item, FastNode container) : FastNode
{
    public override object? Evaluate(FastContext context)
    {
        var needle = item.Evaluate(context);
        var haystack = container.Evaluate(context);
        switch (haystack)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } map when needle is string key:
                return FastValues.Bool(map.TryGetProperty(key, out _));
            case IReadOnlyDictionary<string, object?> map when needle is string key:
                return FastValues.Bool(map.ContainsKey(key));
            case JsonElement { ValueKind: JsonValueKind.Array } or IList:
                foreach (var candidate in FastValues.Range(haystack))
                {
                    if (FastValues.ScalarEquals(needle, candidate))
                    {
                        return FastValues.True;
                    }
                }

                return FastValues.False;
            default:
                return FastPathBailout.Raise();
        }
    }
}
