using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Transport;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>Sends documents as one <c>_bulk</c> request of <c>create</c> actions (data streams accept only <c>create</c>).</summary>
internal sealed class ElasticBulkSender
{
    private readonly ElasticsearchClient _client;

    public ElasticBulkSender(IOptions<MetricsSinkOptions> options)
    {
        var es = options.Value.Elasticsearch;
        var settings = new ElasticsearchClientSettings(new Uri(es.Url!)).RequestTimeout(es.RequestTimeout);

        // The shipper does its own backoff; the transport retrying on top would multiply the waits.
        settings.MaximumRetries(0);
        if (!string.IsNullOrEmpty(es.ApiKey))
        {
            settings.Authentication(new ApiKey(es.ApiKey));
        }
        else if (!string.IsNullOrEmpty(es.Username))
        {
            settings.Authentication(new BasicAuthentication(es.Username, es.Password!));
        }

        _client = new ElasticsearchClient(settings);
    }

    public async Task<BulkOutcome> SendAsync(IReadOnlyList<EcsDocument> documents, CancellationToken cancellationToken)
    {
        var request = new BulkRequest { Operations = [] };
        foreach (var document in documents)
        {
            request.Operations.Add(new BulkCreateOperation<JsonObject>(document.Body) { Index = document.DataStream, Id = document.Id });
        }

        BulkResponse response;
        try
        {
            response = await _client.BulkAsync(request, cancellationToken);
        }
        catch (TransportException ex)
        {
            throw new ElasticsearchUnavailableException($"bulk request failed: {ex.Message}", ex);
        }

        var details = response.ApiCallDetails;
        if (!details.HasSuccessfulStatusCode || response.Items?.Count != documents.Count)
        {
            var reason = details.OriginalException?.GetBaseException().Message ?? $"HTTP {details.HttpStatusCode}, {response.Items?.Count ?? 0} results for {documents.Count} documents";
            throw new ElasticsearchUnavailableException($"bulk request failed: {reason}", details.OriginalException);
        }

        List<int> done = [], retry = [];
        List<(int, int, string)> rejected = [];
        var i = -1;
        foreach (var item in response.Items) // in the order of the request's actions
        {
            i++;
            switch (item.Status)
            {
                case >= 200 and < 300:
                case 409: // the id exists: an earlier send of this very document got through
                    done.Add(i);
                    break;
                case 429 or >= 500:
                    retry.Add(i);
                    break;
                default:
                    rejected.Add((i, item.Status, item.Error is { } error ? $"{error.Type}: {error.Reason}" : $"status {item.Status}"));
                    break;
            }
        }

        return new BulkOutcome(done, retry, rejected);
    }
}
