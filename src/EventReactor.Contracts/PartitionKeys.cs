namespace EventReactor.Contracts;

/// <summary>
/// What decides an event's partition on the bus, so that one minion's events are handled in order by one reactor: the
/// minion the tag names (<c>minion/&lt;id&gt;/...</c>, or a job return <c>job/&lt;jid&gt;/ret/&lt;id&gt;</c>), else the
/// whole tag. Publishers put it in the header <c>eventreactor-partition</c>; see docs/scale-out.md.
/// </summary>
public static class PartitionKeys
{
    /// <summary>The partition key of <paramref name="tag"/>.</summary>
    public static string FromTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.StartsWith("minion/", StringComparison.Ordinal))
        {
            var end = tag.IndexOf('/', 7);
            var id = end < 0 ? tag[7..] : tag[7..end];
            return id.Length > 0 ? id : tag;
        }

        return JobTags.TryParseReturn(tag, out _, out var minion) ? minion : tag;
    }
}
