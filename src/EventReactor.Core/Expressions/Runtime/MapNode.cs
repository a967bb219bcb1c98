namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A map literal <c>{k: v, ...}</c>; keys are ints, uints, bools or strings, each at most once.</summary>
internal sealed class MapNode((CelNode Key, CelNode Value)[] entries) : CelNode
{
    public override object? Evaluate(CelContext context)
    {
        var map = new Dictionary<object, object?>(entries.Length, MapKeyComparer.Instance);
        foreach (var (keyNode, valueNode) in entries)
        {
            var key = keyNode.Evaluate(context);
            if (key is not (string or long or ulong or bool))
            {
                throw new CelError($"unsupported map key type {RuntimeValues.TypeName(key)}");
            }

            if (!map.TryAdd(key, valueNode.Evaluate(context)))
            {
                throw new CelError($"repeated map key {key}");
            }
        }

        return map;
    }
}
