namespace Dangjian.Core; public static class Placeholder {}
