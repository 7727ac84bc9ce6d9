"""Programme storage through QGIS data providers (GeoPackage by default)."""
