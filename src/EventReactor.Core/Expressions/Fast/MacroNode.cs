namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>range.exists(x, p)</c>, <c>all</c>, <c>exists_one</c>, <c>map(x, f)</c> and <c>filter(x, p)</c>.</summary>
internal sealed class MacroNode(MacroKind kind, FastNode range, int slot, FastNode body) : FastNode
{
    public override object? Evaluate(FastContext context)
    {
        var items = FastValues.Range(range.Evaluate(context));
        var slots = context.Slots;
        var count = 0;
        var results = kind is MacroKind.Map or MacroKind.Filter ? new List<object?>() : null;
        foreach (var item in items)
        {
            slots[slot] = item;
            var value = body.Evaluate(context);
            if (kind == MacroKind.Map)
            {
                results!.Add(value);
                continue;
            }

            if (value is not bool holds)
            {
                return FastPathBailout.Raise();
            }

            switch (kind)
            {
                case MacroKind.Exists when holds:
                    return FastValues.True;
                case MacroKind.All when !holds:
                    return FastValues.False;
                case MacroKind.ExistsOne when holds:
                    count++;
                    break;
                case MacroKind.Filter when holds:
                    results!.Add(item);
                    break;
            }
        }

        return kind switch
        {
            MacroKind.Exists => FastValues.False,
            MacroKind.All => FastValues.True,
            MacroKind.ExistsOne => FastValues.Bool(count == 1),
            _ => results,
        };
    }
}
