package cn.hunan.hrss.employmenthub.source.config;

/** One thing wrong with a jobs-config file, naming the file and the key. */
public record ConfigProblem(String file, String key, String message) {
    @Override
    public String toString() {
        return file + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + message;
    }
}
