namespace Dangjian.Documents; public static class Placeholder {}
