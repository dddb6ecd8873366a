package cn.hunan.hrss.employmenthub.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
 * Protects ID numbers and phones with two independent keys: a matching key for keyed hashes (HMAC-SHA256), so
 * that equal values match without anyone holding the plain number, and an encryption key for AES-GCM
 * ciphertext, which can be rotated ({@code rotate-key}) without touching a single hash. Each ciphertext names
 * the key that made it ({@code keyId:base64}), so a previous key can still decrypt while a rotation runs.
 * Without keys, public demo keys are used with a loud warning: fine for the embedded demo and nothing else.
 */
public final class PersonalData {

    public static final String KEY_ENV = "HUB_PII_KEY";
    public static final String PREVIOUS_KEY_ENV = "HUB_PII_KEY_PREVIOUS";
    public static final String MATCH_KEY_ENV = "HUB_MATCH_KEY";
    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);
    private static final byte[] DEMO_KEY = "employment-hub-demo-key-NOT-FOR-PRODUCTION!".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec macKey;
    private final SecretKeySpec aesKey;
    private final String keyId;
    private final SecretKeySpec previousKey;
    private final String previousKeyId;
    private final boolean demoKey;
    private final SecureRandom random = new SecureRandom();
    /** Looking a MAC or cipher up by name costs more than using it: each thread keeps its own. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalData::newCipher);

    /** Both keys derived from one master (tests, and the demo). */
    public PersonalData(byte[] master, boolean demoKey) {
        this(derive(master, "encrypt"), null, derive(master, "match"), demoKey);
    }

    public PersonalData(byte[] encryptionKey, byte[] previousEncryptionKey, byte[] matchKey, boolean demoKey) {
        require(encryptionKey, KEY_ENV);
        require(matchKey, MATCH_KEY_ENV);
        this.aesKey = new SecretKeySpec(encryptionKey, 0, 32, "AES");
        this.keyId = keyId(encryptionKey);
        this.macKey = new SecretKeySpec(matchKey, "HmacSHA256");
        if (previousEncryptionKey != null) {
            require(previousEncryptionKey, PREVIOUS_KEY_ENV);
            this.previousKey = new SecretKeySpec(previousEncryptionKey, 0, 32, "AES");
            this.previousKeyId = keyId(previousEncryptionKey);
        } else {
            this.previousKey = null;
            this.previousKeyId = null;
        }
        this.demoKey = demoKey;
    }

    /** From settings (base64); blank ones fall back to the demo keys with a warning. */
    public static PersonalData fromSettings(String key, String previous, String matchKey) {
        boolean demoEncryption = key == null || key.isBlank();
        boolean demoMatch = matchKey == null || matchKey.isBlank();
        if (demoEncryption || demoMatch) {
            log.warn("*** {} is not set: personal data is protected with the PUBLIC DEMO KEY. Set {} and {} (base64, "
                    + "32+ bytes each) for any real data. ***", demoEncryption ? KEY_ENV : MATCH_KEY_ENV, KEY_ENV, MATCH_KEY_ENV);
        }
        return new PersonalData(demoEncryption ? derive(DEMO_KEY, "encrypt") : decode(key),
                previous == null || previous.isBlank() ? null : decode(previous),
                demoMatch ? derive(DEMO_KEY, "match") : decode(matchKey), demoEncryption || demoMatch);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.trim());
    }

    private static void require(byte[] key, String name) {
        if (key.length < 32) {
            throw new IllegalArgumentException(name + " must hold at least 32 bytes (base64)");
        }
    }

    public boolean usesDemoKey() {
        return demoKey;
    }

    /** Identifies the current encryption key in ciphertexts (not secret). */
    public String keyId() {
        return keyId;
    }

    public boolean hasPreviousKey() {
        return previousKey != null;
    }

    /** A short fingerprint of the matching key, kept by the warehouse to refuse a different one (not secret). */
    public String matchKeyFingerprint() {
        return hash("employment-hub match key fingerprint").substring(0, 16);
    }

    private static String keyId(byte[] key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("employment-hub key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(key)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-GCM with a random nonce: {@code keyId:base64(nonce + ciphertext)}. */
    public String encrypt(String value) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, nonce));
            byte[] ct = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String encoded) {
        int colon = encoded.indexOf(':');
        String id = colon < 0 ? null : encoded.substring(0, colon);
        SecretKeySpec key = keyId.equals(id) ? aesKey : id != null && id.equals(previousKeyId) ? previousKey : null;
        if (key == null) {
            throw new IllegalStateException("encrypted with key " + id + ", which is neither " + KEY_ENV + " nor "
                    + PREVIOUS_KEY_ENV);
        }
        try {
            byte[] in = Base64.getDecoder().decode(encoded.substring(colon + 1));
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt with key " + id, e);
        }
    }
}
