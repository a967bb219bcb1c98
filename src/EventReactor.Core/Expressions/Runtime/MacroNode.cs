namespace EventReactor.Core.Expressions.Runtime;

/// <summary>
/// <c>range.all(x, p)</c>, <c>exists</c>, <c>exists_one</c>, <c>map(x, f)</c>, <c>map(x, p, f)</c> and <c>filter(x, p)</c>
/// over a list's elements or a map's keys. <c>all</c> and <c>exists</c> absorb an error where another element
/// decides, as <c>&amp;&amp;</c> and <c>||</c> do; the others pass any error on.
/// </summary>
internal sealed class MacroNode(MacroKind kind, CelNode range, int slot, CelNode body, CelNode? filter) : CelNode
{
    public override object? Evaluate(CelContext context)
    {
        var items = ValueAccess.Range(range.Evaluate(context));
        return kind switch
        {
            MacroKind.All => Quantify(context, items, decisive: false),
            MacroKind.Exists => Quantify(context, items, decisive: true),
            MacroKind.ExistsOne => RuntimeValues.Bool(CountHolding(context, items) == 1),
            MacroKind.Filter => Collect(context, items, transform: false),
            _ => Collect(context, items, transform: true),
        };
    }

    private object Quantify(CelContext context, List<object?> items, bool decisive)
    {
        CelError? firstError = null;
        foreach (var item in items)
        {
            context.Slots[slot] = item;
            var (value, error) = Logic.Try(body, context);
            if (value is bool holds)
            {
                if (holds == decisive)
                {
                    return RuntimeValues.Bool(decisive);
                }
            }
            else
            {
                firstError ??= error ?? CelError.NoOverload(decisive ? "exists" : "all", value);
            }
        }

        return firstError is null ? RuntimeValues.Bool(!decisive) : throw firstError;
    }

    private int CountHolding(CelContext context, List<object?> items)
    {
        var count = 0;
        foreach (var item in items)
        {
            context.Slots[slot] = item;
            count += Holds(body.Evaluate(context)) ? 1 : 0;
        }

        return count;
    }

    private List<object?> Collect(CelContext context, List<object?> items, bool transform)
    {
        var results = new List<object?>();
        foreach (var item in items)
        {
            context.Slots[slot] = item;
            var condition = transform ? filter : body;
            if (condition is not null && !Holds(condition.Evaluate(context)))
            {
                continue;
            }

            results.Add(transform ? body.Evaluate(context) : item);
        }

        return results;
    }

    private static bool Holds(object? value) => value as bool? ?? throw CelError.NoOverload("macro predicate", value);
}
