using EventReactor.Contracts;

namespace EventReactor.Core.Expressions;

/// <summary>
/// The variables an expression sees: <c>event</c> (id, tag, minion, source, time, data, causedBy, depth) and <c>vars</c>.
/// The event is converted once per scope, and only when an expression reads it whole (<c>event.field</c> reads the envelope directly).
/// </summary>
public sealed class EvaluationScope
{
    private static readonly IReadOnlyDictionary<string, object?> NoVars = new Dictionary<string, object?>();
    private readonly EventEnvelope _event;
    private readonly IReadOnlyDictionary<string, object?> _vars;
    private Dictionary<string, object?>? _variables;

    public EvaluationScope(EventEnvelope @event, IReadOnlyDictionary<string, object?>? vars = null)
    {
        _event = @event;
        _vars = vars ?? NoVars;
    }

    public EventEnvelope Event => _event;

    /// <summary>The keys of the <c>event</c> map.</summary>
    internal static IReadOnlySet<string> EventFields { get; } =
        new HashSet<string>(["id", "tag", "minion", "source", "time", "data", "causedBy", "depth"], StringComparer.Ordinal);

    /// <summary>Whether <see cref="Event"/> can be read: false for a scope made by <see cref="ForVariables"/>.</summary>
    internal bool HasEvent => _event is not null;

    /// <summary>
    /// A scope with the given variables and no event, e.g. <c>id</c>, <c>grains</c> and <c>pools</c> for targeting.
    /// <see cref="Event"/> must not be read from such a scope.
    /// </summary>
    public static EvaluationScope ForVariables(IReadOnlyDictionary<string, object?> variables) => new(variables);

    public IDictionary<string, object?> Variables => _variables ??= Build();

    /// <summary>
    /// A variable's value. A rule's scope has only <c>event</c> (built on first use) and <c>vars</c> (as given),
    /// so any other name is answered without building <see cref="Variables"/>.
    /// </summary>
    internal bool TryResolve(string name, out object? value)
    {
        if (HasEvent && name != "event")
        {
            value = name == "vars" ? _vars : null;
            return name == "vars";
        }

        return Variables.TryGetValue(name, out value);
    }

    private EvaluationScope(IReadOnlyDictionary<string, object?> variables)
    {
        // No event: the variables are given whole, so Build (which reads the event) never runs.
        _event = null!;
        _vars = NoVars;
        _variables = new Dictionary<string, object?>(variables, StringComparer.Ordinal);
    }

    /// <summary>The same event seen with another file's <c>vars</c>; the converted event is shared.</summary>
    public EvaluationScope WithVars(IReadOnlyDictionary<string, object?> vars)
    {
        if (ReferenceEquals(vars, _vars))
        {
            return this;
        }

        var scope = new EvaluationScope(_event, vars);
        if (_variables is not null)
        {
            scope._variables = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["event"] = _variables["event"],
                ["vars"] = vars,
            };
        }

        return scope;
    }

    private Dictionary<string, object?> Build() => new(StringComparer.Ordinal)
    {
        ["event"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = _event.Id,
            ["tag"] = _event.Tag,
            ["minion"] = _event.Minion,
            ["source"] = _event.Source,
            ["time"] = _event.Time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = CelValues.FromJsonObject(_event.Data),
            ["causedBy"] = _event.CausedBy,
            ["depth"] = (long)_event.Depth,
        },
        ["vars"] = _vars,
    };
}
