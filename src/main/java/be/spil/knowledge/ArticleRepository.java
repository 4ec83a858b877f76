package be.spil.knowledge;

import org.springframework.data.repository.CrudRepository;

interface ArticleRepository extends CrudRepository<Article, Long> {}
