namespace EventReactor.Core.Actions;

/// <summary>The actions a rule may use, by name.</summary>
public sealed class ActionCatalog
{
    private readonly Dictionary<string, ActionSchema> _schemas;

    public ActionCatalog(IEnumerable<ActionSchema> schemas)
    {
        _schemas = schemas.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _schemas.Keys.Order(StringComparer.Ordinal);

    public ActionSchema? Find(string name) => _schemas.GetValueOrDefault(name);
}
