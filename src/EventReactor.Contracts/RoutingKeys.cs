using System.Text;

namespace EventReactor.Contracts;

/// <summary>
/// The AMQP routing key of an event on the topic exchanges, derived from its tag: each <c>/</c> becomes <c>.</c>, so that
/// a binding pattern such as <c>minion.*.docker.#</c> selects by tag segment; a <c>.</c> inside a segment is written
/// <c>%2E</c> and a <c>%</c> is written <c>%25</c>, so that the key reads back to the same tag.
/// </summary>
public static class RoutingKeys
{
    /// <summary>AMQP's limit on a routing key, in bytes of UTF-8.</summary>
    public const int MaxBytes = 255;

    /// <summary>The routing key of <paramref name="tag"/>; throws when the key would be over <see cref="MaxBytes"/>.</summary>
    public static string FromTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var key = new StringBuilder(tag.Length + 8);
        foreach (var c in tag)
        {
            _ = c switch
            {
                '/' => key.Append('.'),
                '.' => key.Append("%2E"),
                '%' => key.Append("%25"),
                _ => key.Append(c),
            };
        }

        var text = key.ToString();
        return Encoding.UTF8.GetByteCount(text) <= MaxBytes
            ? text
            : throw new ArgumentException($"the tag '{tag}' makes a routing key of {Encoding.UTF8.GetByteCount(text)} bytes, over AMQP's {MaxBytes}", nameof(tag));
    }

    /// <summary>The tag a routing key was derived from; throws on a <c>%</c> that is not <c>%2E</c> or <c>%25</c>.</summary>
    public static string ToTag(string routingKey)
    {
        ArgumentNullException.ThrowIfNull(routingKey);
        var tag = new StringBuilder(routingKey.Length);
        for (var i = 0; i < routingKey.Length; i++)
        {
            var c = routingKey[i];
            if (c == '.')
            {
                tag.Append('/');
            }
            else if (c != '%')
            {
                tag.Append(c);
            }
            else if (Escaped(routingKey, i, "2E"))
            {
                tag.Append('.');
                i += 2;
            }
            else if (Escaped(routingKey, i, "25"))
            {
                tag.Append('%');
                i += 2;
            }
            else
            {
                throw new FormatException($"routing key '{routingKey}': '%' at {i} must start %2E (a dot in a segment) or %25 (a percent sign)");
            }
        }

        return tag.ToString();
    }

    private static bool Escaped(string key, int at, string code) =>
        at + 2 < key.Length && string.Compare(key, at + 1, code, 0, 2, StringComparison.OrdinalIgnoreCase) == 0;
}
