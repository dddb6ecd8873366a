package cn.hunan.hrss.employmenthub.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects ID numbers and phones: a keyed hash (HMAC-SHA256) to match on, AES-GCM ciphertext to keep the
 * value, and the key from {@code HUB_PII_KEY} (base64 of at least 32 bytes). Without that variable a
 * built-in demo key is used with a loud warning; it is fine for the embedded demo and nothing else.
 */
public final class PersonalData {

    public static final String KEY_ENV = "HUB_PII_KEY";
    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);
    private static final byte[] DEMO_KEY = "employment-hub-demo-key-NOT-FOR-PRODUCTION!".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec macKey;
    private final SecretKeySpec aesKey;
    private final boolean demoKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalData(byte[] master, boolean demoKey) {
        if (master.length < 32) {
            throw new IllegalArgumentException(KEY_ENV + " must hold at least 32 bytes (base64)");
        }
        byte[] mac = derive(master, "match");
        byte[] aes = derive(master, "encrypt");
        this.macKey = new SecretKeySpec(mac, "HmacSHA256");
        this.aesKey = new SecretKeySpec(aes, 0, 32, "AES");
        this.demoKey = demoKey;
    }

    /** The key from the environment, or the demo key with a warning. */
    public static PersonalData fromEnvironment() {
        String env = System.getenv(KEY_ENV);
        if (env == null || env.isBlank()) {
            log.warn("*** {} is not set: personal data is protected with the PUBLIC DEMO KEY. "
                    + "Set {} (base64, 32+ bytes) for any real data. ***", KEY_ENV, KEY_ENV);
            return new PersonalData(DEMO_KEY, true);
        }
        return new PersonalData(Base64.getDecoder().decode(env.trim()), false);
    }

    public boolean usesDemoKey() {
        return demoKey;
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keyed hash, hex: equal values give equal hashes, and nobody without the key can test a guess. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-GCM with a random nonce; base64 of nonce and ciphertext. */
    public String encrypt(String value) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, nonce));
            byte[] ct = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String encoded) {
        try {
            byte[] in = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt: wrong " + KEY_ENV + "?", e);
        }
    }
}
