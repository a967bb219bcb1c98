namespace EventReactor.Contracts;

/// <summary>CloudEvents 1.0 attribute names used by EventReactor, including its extension attributes.</summary>
public static class CloudEventAttributes
{
    public const string SpecVersion = "specversion";
    public const string Id = "id";
    public const string Source = "source";
    public const string Type = "type";
    public const string Time = "time";
    public const string DataContentType = "datacontenttype";
    public const string Data = "data";
    public const string DataBase64 = "data_base64";

    /// <summary>Extension: the EventReactor tag.</summary>
    public const string Tag = "tag";

    /// <summary>Extension: the minion the event came from.</summary>
    public const string Minion = "minion";

    /// <summary>Extension: id of the event whose reaction published this one.</summary>
    public const string CausedBy = "causedby";

    /// <summary>Extension: causation depth.</summary>
    public const string Depth = "depth";

    /// <summary>Extension (CloudEvents distributed tracing): the W3C trace context.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The only CloudEvents version accepted.</summary>
    public const string SupportedSpecVersion = "1.0";

    /// <summary>The <c>type</c> written on every EventReactor event; any type is accepted on read.</summary>
    public const string EventType = "io.eventreactor.event";
}
