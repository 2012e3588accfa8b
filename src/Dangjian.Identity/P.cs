namespace Dangjian.Identity; public static class Placeholder {}
