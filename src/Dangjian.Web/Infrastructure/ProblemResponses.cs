using Dangjian.Core.Common;

namespace Dangjian.Web.Infrastructure;

/// <summary>Errors at the HTTP edge: application/problem+json with Chinese title and detail, never a stack trace.</summary>
public static class ProblemResponses
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };

    public static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "输入有误",
        ErrorKind.NotFound => "未找到",
        ErrorKind.Forbidden => "无权访问",
        _ => "违反业务规则",
    };

    public static IResult ToProblem(IReadOnlyList<Error> errors)
    {
        var kind = errors.Any(e => e.Kind == ErrorKind.NotFound) ? ErrorKind.NotFound
            : errors.Any(e => e.Kind == ErrorKind.Forbidden) ? ErrorKind.Forbidden
            : errors.Any(e => e.Kind == ErrorKind.Conflict) ? ErrorKind.Conflict
            : ErrorKind.Validation;
        var shown = kind is ErrorKind.NotFound or ErrorKind.Forbidden ? errors.Where(e => e.Kind == kind).ToList() : errors;
        return Results.Problem(
            title: TitleOf(kind),
            detail: string.Join("；", shown.Select(e => e.Message)),
            statusCode: StatusOf(kind),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = shown.Select(e => new { code = e.Code, field = e.Field, message = e.Message }).ToList(),
            });
    }

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : ToProblem(result.Errors);

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        await Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
