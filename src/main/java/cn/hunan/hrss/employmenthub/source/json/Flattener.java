package cn.hunan.hrss.employmenthub.source.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a JSON object into dotted column names: {@code {"worker":{"idCard":"…"}}} gives {@code worker.idCard}. */
final class Flattener {

    private Flattener() {
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : node) {
                if (item.isValueNode()) {
                    joined.append(joined.length() == 0 ? "" : ",").append(item.asText());
                }
            }
            out.put(prefix, joined.toString());
        } else if (!node.isNull()) {
            out.put(prefix, node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText());
        } else {
            out.put(prefix, null);
        }
    }
}
