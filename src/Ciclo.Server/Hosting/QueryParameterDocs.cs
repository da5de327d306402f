using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ciclo.Server.Hosting;

/// <summary>The query parameters an endpoint reads (through <see cref="QueryParameters"/>, which the
/// OpenAPI generator cannot see), declared on the endpoint so that the document lists every one.</summary>
public sealed record QueryParameterList(IReadOnlyList<string> Names);

public static class QueryParameterDocs
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["from"] = "First day, YYYY-MM-DD.",
        ["to"] = "Last day, YYYY-MM-DD.",
        ["grain"] = "week, month, quarter or year.",
        ["time_zone"] = "An IANA time zone; the workspace's by default.",
        ["segment"] = "NAME, segment=NAME or region=NAME: a segment or region of the customers.",
        ["stage"] = "Stages, comma-separated: attract, capture, nurture, convert, expand.",
        ["metric"] = "Metric ids, comma-separated.",
        ["program"] = "A programme of program_members.",
        ["audience"] = "customers, prospects or all.",
        ["model"] = "Attribution model: last, first or linear.",
        ["window"] = "Attribution window in days (1-3650).",
        ["category"] = "promoter, passive or detractor.",
        ["language"] = "Language code of the comments (e.g. en, it, ar).",
        ["theme"] = "A theme id.",
        ["sentiment"] = "positive, neutral or negative.",
        ["page"] = "Page number, from 1.",
        ["page_size"] = "Rows a page (1-200).",
        ["min_count"] = "Least mentions for an emerging term (1-100000).",
        ["lang"] = "Language of the texts: en, it or ar.",
        ["entity"] = "An entity name (customers, revenue, ...).",
    };

    /// <summary>Declares the query parameters the endpoint reads.</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, params string[] names) =>
        builder.WithMetadata(new QueryParameterList(names));

    /// <summary>Adds the declared parameters to each operation of the document.</summary>
    public static void AddQueryParameters(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameterList>().FirstOrDefault() is { } list)
            {
                operation.Parameters ??= [];
                foreach (var name in list.Names)
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Query,
                        Required = false,
                        Description = Descriptions.GetValueOrDefault(name),
                        Schema = new OpenApiSchema { Type = name is "page" or "page_size" or "window" or "min_count" ? JsonSchemaType.Integer : JsonSchemaType.String },
                    });
                }
            }

            return Task.CompletedTask;
        });
}
