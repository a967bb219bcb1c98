namespace EventReactor.Hosting;

/// <summary>Configuration keys given on the command line; they win over config files and the environment.</summary>
public sealed class DaemonSettings
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public DaemonSettings Set(string key, string? value)
    {
        if (value is not null)
        {
            _values[key] = value;
        }

        return this;
    }

    public IEnumerable<KeyValuePair<string, string?>> Values => _values;
}
