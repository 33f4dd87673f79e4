package dev.reelmesh.common.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;

/** Reads an outside issuer's public keys: PEM files ("PUBLIC KEY") or a JWKS file. */
final class PublicKeys {
  private PublicKeys() {}

  static JWK fromPem(String variable, Path file) {
    String pem;
    try {
      pem = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(variable + ": cannot read " + file + ": " + e, e);
    }
    int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
    int end = pem.indexOf("-----END PUBLIC KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(variable + ": " + file + " holds no '-----BEGIN PUBLIC "
          + "KEY-----' block (an RSA or EC public key in PEM, e.g. from `openssl pkey -pubout`)");
    }
    byte[] der = Base64.getMimeDecoder().decode(
        pem.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end));
    String id = file.getFileName().toString();
    for (String algorithm : new String[] {"RSA", "EC"}) {
      PublicKey key;
      try {
        key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisKind) {
        continue;
      }
      if (key instanceof RSAPublicKey rsa) {
        return new RSAKey.Builder(rsa).keyID(id).build();
      }
      ECPublicKey ec = (ECPublicKey) key;
      return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).keyID(id).build();
    }
    throw new IllegalArgumentException(variable + ": " + file + " is neither an RSA nor an EC "
        + "public key");
  }

  static List<JWK> fromJwks(String variable, Path file) {
    try {
      List<JWK> keys = JWKSet.load(file.toFile()).getKeys();
      if (keys.isEmpty()) {
        throw new IllegalArgumentException(variable + ": " + file + " holds no keys");
      }
      for (JWK key : keys) {
        if (key.isPrivate()) {
          throw new IllegalArgumentException(variable + ": " + file + " holds a private key ("
              + key.getKeyID() + "); give the services public keys only");
        }
      }
      return keys;
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException(variable + ": cannot read JWKS " + file + ": "
          + e.getMessage(), e);
    }
  }
}
