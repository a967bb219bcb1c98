using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

internal sealed class MetricsSinkOptionsValidator : IValidateOptions<MetricsSinkOptions>
{
    private const string Key = MetricsSinkOptions.Section;
    private const string EsKey = $"{Key}:{nameof(MetricsSinkOptions.Elasticsearch)}";

    public ValidateOptionsResult Validate(string? name, MetricsSinkOptions options)
    {
        var failures = new List<string>();
        foreach (var sink in options.Sinks.Where(s => !MetricsSinkNames.All.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add($"{Key}:{nameof(MetricsSinkOptions.Sinks)} '{sink}' is not a sink; use {string.Join(" or ", MetricsSinkNames.All)}");
        }

        if (options.RetentionDays < 0)
        {
            failures.Add($"{Key}:{nameof(MetricsSinkOptions.RetentionDays)} '{options.RetentionDays}' must be 0 (keep forever) or more");
        }

        if (options.QueueCapacity < 1)
        {
            failures.Add($"{Key}:{nameof(MetricsSinkOptions.QueueCapacity)} '{options.QueueCapacity}' must be at least 1");
        }

        if (options.Uses(MetricsSinkNames.Elasticsearch))
        {
            ValidateElasticsearch(options.Elasticsearch, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateElasticsearch(ElasticsearchSinkOptions es, List<string> failures)
    {
        if (!Uri.TryCreate(es.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{EsKey}:{nameof(ElasticsearchSinkOptions.Url)} '{es.Url}' must be an http:// or https:// URL when the elasticsearch sink is on");
        }

        if (!string.IsNullOrEmpty(es.ApiKey) && !string.IsNullOrEmpty(es.Username))
        {
            failures.Add($"{EsKey}: set {nameof(ElasticsearchSinkOptions.ApiKey)} or {nameof(ElasticsearchSinkOptions.Username)}/{nameof(ElasticsearchSinkOptions.Password)}, not both");
        }

        if (string.IsNullOrEmpty(es.Username) != string.IsNullOrEmpty(es.Password))
        {
            failures.Add($"{EsKey}:{nameof(ElasticsearchSinkOptions.Username)} and {nameof(ElasticsearchSinkOptions.Password)} go together");
        }

        // A data stream's namespace: lowercase, no '-' (it separates type-dataset-namespace), at most 100 bytes.
        if (string.IsNullOrEmpty(es.Namespace) || es.Namespace.Length > 100 || es.Namespace.Any(c => c is '-' or ' ' or '\\' or '/' or '*' or '?' or '"' or '<' or '>' or '|' or ',' or '#' or ':' || char.IsUpper(c)))
        {
            failures.Add($"{EsKey}:{nameof(ElasticsearchSinkOptions.Namespace)} '{es.Namespace}' must be lowercase, without '-', spaces or \\/*?\"<>|,#:, e.g. default");
        }

        if (es.BatchSize < 1)
        {
            failures.Add($"{EsKey}:{nameof(ElasticsearchSinkOptions.BatchSize)} '{es.BatchSize}' must be at least 1");
        }

        if (es.MaxPending < es.BatchSize)
        {
            failures.Add($"{EsKey}:{nameof(ElasticsearchSinkOptions.MaxPending)} '{es.MaxPending}' must be at least {nameof(ElasticsearchSinkOptions.BatchSize)} ({es.BatchSize})");
        }

        if (es.RetryDelay <= TimeSpan.Zero || es.RetryMaxDelay < es.RetryDelay)
        {
            failures.Add($"{EsKey}:{nameof(ElasticsearchSinkOptions.RetryDelay)} must be positive and at most {nameof(ElasticsearchSinkOptions.RetryMaxDelay)}");
        }

        if (es.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{EsKey}:{nameof(ElasticsearchSinkOptions.RequestTimeout)} '{es.RequestTimeout}' must be positive");
        }
    }
}
