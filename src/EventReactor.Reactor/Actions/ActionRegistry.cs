using EventReactor.Core.Actions;

namespace EventReactor.Reactor.Actions;

/// <summary>The action handlers registered in the container, by name.</summary>
internal sealed class ActionRegistry
{
    private readonly Dictionary<string, IActionHandler> _handlers;

    public ActionRegistry(IEnumerable<IActionHandler> handlers)
    {
        _handlers = handlers.ToDictionary(h => h.Schema.Name, StringComparer.Ordinal);
        Catalog = new ActionCatalog(_handlers.Values.Select(h => h.Schema));
    }

    public ActionCatalog Catalog { get; }

    public IActionHandler Get(string name) =>
        _handlers.TryGetValue(name, out var handler) ? handler : throw new InvalidOperationException($"no handler for action '{name}'");
}
